package io.yardstick.runtime.load;

import io.yardstick.runtime.data.Dataset;

/** What a load gives: the tables, and the account of what was read, loaded and rejected. */
public record LoadResult(Dataset dataset, LoadReport report) {
}
