package io.yardstick.runtime.calc;

import java.util.Arrays;

/**
 * {@code previous(Order.placedAt per Customer)}: for each row, the latest value of a time column among the rows
 * of the same entity whose value is strictly earlier, read over every row of the source whatever the reported
 * periods, so that the previous row may lie before them.
 */
public final class PreviousRows {
	private PreviousRows() {
	}

	/**
	 * @param entities each row's entity (a row reference; {@link Ops#NO_CODE} for none)
	 * @param times each row's time ({@link Ops#NO_TIME} for none)
	 * @return each row's previous time, {@link Ops#NO_TIME} where the row, its entity or an earlier row is missing
	 */
	public static long[] latestEarlier(int[] entities, long[] times) {
		int rows = times.length;
		long[] previous = new long[rows];
		Arrays.fill(previous, Ops.NO_TIME);
		Integer[] order = new Integer[rows];
		int n = 0;
		for (int row = 0; row < rows; row++) {
			if (entities[row] != Ops.NO_CODE && times[row] != Ops.NO_TIME) {
				order[n++] = row;
			}
		}
		Arrays.sort(order, 0, n, (a, b) -> entities[a] != entities[b] ? Integer.compare(entities[a], entities[b])
				: Long.compare(times[a], times[b]));
		// Rows of one entity and one time tie: the previous row of each is the one before the first of them.
		int tieStart = 0;
		for (int i = 0; i < n; i++) {
			int row = order[i];
			if (i > 0 && (entities[order[i - 1]] != entities[row] || times[order[i - 1]] != times[row])) {
				tieStart = i;
			}
			if (tieStart > 0 && entities[order[tieStart - 1]] == entities[row]) {
				previous[row] = times[order[tieStart - 1]];
			}
		}
		return previous;
	}
}
