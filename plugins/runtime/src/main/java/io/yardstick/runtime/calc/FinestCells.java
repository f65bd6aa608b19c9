package io.yardstick.runtime.calc;

import java.util.Arrays;

/**
 * Where a kernel that keeps its rows' values (percentiles' values, distinct counts' codes) keeps them: only in the
 * cells of the finest grouping each grouping's dimensions are among (region × product line for region and for the
 * total), so that a value is held once however many groupings the run reports. A coarser grouping's cell is the
 * union of the fine cells of its period whose groups map to its group.
 */
final class FinestCells {
	/** Per grouping, the grouping whose cells hold its rows' values, or -1 where rows have no cell. */
	private final int[] holder;
	/** Per grouping, per group, the groups of its holder whose rows it takes, in ascending order. */
	private final int[][][] holderGroups;
	private final Run run;

	private FinestCells(Run run, int[] holder, int[][][] holderGroups) {
		this.run = run;
		this.holder = holder;
		this.holderGroups = holderGroups;
	}

	/**
	 * Chooses, for each enabled grouping the row has a cell in, the finest such grouping whose dimensions include
	 * its own. A source that cannot be broken down by a grouping gives none of its rows a cell there, so one row
	 * tells for all.
	 */
	static FinestCells plan(Run run, boolean[] on, int[] cells) {
		Integer[] finestFirst = new Integer[on.length];
		for (int g = 0; g < on.length; g++) {
			finestFirst[g] = g;
		}
		// more groups first: a grouping that holds another's values has at least as many groups
		Arrays.sort(finestFirst, (a, b) -> Integer.compare(run.groups(b), run.groups(a)));
		int[] chosen = new int[on.length];
		Arrays.fill(chosen, -1);
		int[][][] groups = new int[on.length][][];
		// The first grouping in this order that holds g's values holds its own too: whatever holds it holds g.
		for (int g = 0; g < on.length; g++) {
			if (!on[g] || cells[g] < 0) {
				continue;
			}
			for (int h : finestFirst) {
				int[] map = on[h] && cells[h] >= 0 ? run.groupMap(h, g) : null;
				if (map != null) {
					chosen[g] = h;
					groups[g] = inverse(map, run.groups(g));
					break;
				}
			}
		}
		return new FinestCells(run, chosen, groups);
	}

	/** For each coarse group, the fine groups that map to it, in ascending order. */
	private static int[][] inverse(int[] map, int coarseGroups) {
		int[] counts = new int[coarseGroups];
		for (int coarse : map) {
			counts[coarse]++;
		}
		int[][] inverse = new int[coarseGroups][];
		for (int coarse = 0; coarse < coarseGroups; coarse++) {
			inverse[coarse] = new int[counts[coarse]];
			counts[coarse] = 0;
		}
		for (int fine = 0; fine < map.length; fine++) {
			inverse[map[fine]][counts[map[fine]]++] = fine;
		}
		return inverse;
	}

	/** The groupings whose cells hold values themselves, in ascending order. */
	int[] holding() {
		return java.util.stream.IntStream.range(0, holder.length).filter(this::holds).toArray();
	}

	/**
	 * Fills the cells of every grouping that does not hold its rows with the sum of its fine cells, in ascending
	 * order: for states that are counts of rows, which add up exactly in any order, so that each row is counted in
	 * one grouping only.
	 */
	void addUp(double[][] state) {
		for (int g = 0; g < holder.length; g++) {
			if (holder[g] < 0 || holder[g] == g) {
				continue;
			}
			double[] fine = state[holder[g]];
			for (int cell = 0; cell < state[g].length; cell++) {
				double sum = 0;
				for (int at : fineCells(g, cell)) {
					sum += fine[at];
				}
				state[g][cell] = sum;
			}
		}
	}

	/** Whether a grouping's cells hold values themselves. */
	boolean holds(int grouping) {
		return holder[grouping] == grouping;
	}

	/** The grouping whose cells hold this one's values, -1 when its rows have no cell. */
	int holderOf(int grouping) {
		return holder[grouping];
	}

	/** The cells of {@link #holderOf holderOf(grouping)} whose union is this cell, in ascending order. */
	int[] fineCells(int grouping, int cell) {
		int groups = run.groups(grouping);
		int first = cell / groups * run.groups(holder[grouping]);
		int[] fineGroups = holderGroups[grouping][cell % groups];
		int[] fine = new int[fineGroups.length];
		for (int i = 0; i < fine.length; i++) {
			fine[i] = first + fineGroups[i];
		}
		return fine;
	}
}
