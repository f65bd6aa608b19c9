package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loading suites again, with every file parsed by two threads in batches of a few records, so that
 * batch boundaries, rows moved over rejected ones and the merge of the two threads' findings are all
 * exercised: the results must be the same as reading row by row.
 */
class ParallelBatchesTest {
	private int threads;
	private long parallelFromBytes;
	private int batchSize;

	@BeforeEach
	void parallel() {
		threads = SourceLoader.threads;
		parallelFromBytes = SourceLoader.parallelFromBytes;
		batchSize = SourceLoader.batchSize;
		SourceLoader.threads = 2;
		SourceLoader.parallelFromBytes = 0;
		SourceLoader.batchSize = 3;
	}

	@AfterEach
	void restore() {
		SourceLoader.threads = threads;
		SourceLoader.parallelFromBytes = parallelFromBytes;
		SourceLoader.batchSize = batchSize;
	}

	@TempDir
	Path dir;

	@Test
	void theColumnsAreSplitBetweenTwoThreads() {
		TemplateSpec template = template("UTC", source("Ticket", key("id", FieldType.TEXT),
				field("contacts", FieldType.COUNT), field("title", FieldType.TEXT)));
		write(dir, "Ticket.csv", "id,contacts,title\nT1,1,a\nT2,2,b\nT3,3,a\nT4,4,c\nT5,5,b\n");
		long before = SourceLoader.parallelBatches.get();
		Table table = DataLoader.load(template, dir).dataset().table("Ticket");
		assertThat(SourceLoader.parallelBatches.get() - before).isEqualTo(2);
		assertThat(table.numbers("contacts")).containsExactly(1, 2, 3, 4, 5);
		assertThat(table.codes("title")).containsExactly(0, 1, 0, 2, 1);
	}

	@Nested
	class Kinds extends CellKindsTest {
	}

	@Nested
	class Errors extends LoadErrorsTest {
	}

	@Nested
	class Skip extends SkipPolicyTest {
	}

	@Nested
	class References extends ReferencesTest {
	}

	@Nested
	class Large extends LargeFileTest {
		@BeforeEach
		void biggerBatches() {
			SourceLoader.batchSize = 97;
		}
	}
}
