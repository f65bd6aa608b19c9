package io.yardstick.runtime.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Distinct counts of codes, counts and shares add a row to the finest grouping's cells only: the codes listed or
 * folded into bitmaps, counted for a coarser cell over the union of its fine cells, counts and shares summed from
 * them. Every cell of every grouping must still be exactly that of its own rows, whole or merged from parts, over
 * small and large dictionaries.
 */
class FinestCellsTest {
	private static final List<String> REGIONS = QuantileCellsTest.REGIONS;
	private static final List<String> LINES = QuantileCellsTest.LINES;

	@Test
	void everyGroupingsCellIsThatOfItsOwnRows() {
		for (String breakdowns : List.of("region,region*line", "line*region,region,line", "region,line",
				"region*line")) {
			for (int parts : new int[] { 1, 3, 8 }) {
				// a few codes (folded into a word at once), as many codes as rows (listed), and codes in between
				for (int dictionary : new int[] { 5, 300, 20_000, 1 << 20 }) {
					check(breakdowns, parts, dictionary, 30_000);
				}
			}
		}
	}

	/** Codes past the largest bitmap the count sets bits in are sorted instead; the same count. */
	@Test
	void codesTooLargeForABitmapAreCountedBySorting() {
		Run run = QuantileCellsTest.run("region");
		Distinct distinct = new Distinct(run, 0);
		int[] cells = new int[run.groupings()];
		QuantileCellsTest.cellsOf(run, 0, 1, 0, cells);
		for (int code : new int[] { Integer.MAX_VALUE, 3, Integer.MAX_VALUE, 64 << 22, 3, 0 }) {
			distinct.add(cells, code);
		}
		distinct.add(cells, -1);
		distinct.finish();
		assertThat(distinct.value(0, 0, 0)).isEqualTo(4);
		assertThat(distinct.value(1, 0, 1)).isEqualTo(4);
		assertThat(distinct.value(1, 0, 0)).isEqualTo(0);
		assertThat(distinct.value(0, 1, 0)).isEqualTo(0);
	}

	/** A cell folded into a bitmap keeps listing the codes past its end, and a linked cell's codes count once. */
	@Test
	void foldedAndListedCodesCountOnce() {
		DistinctCodes first = new DistinctCodes();
		DistinctCodes second = new DistinctCodes();
		Set<Integer> expected = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			first.add(i % 700);
			expected.add(i % 700);
		}
		for (int i = 0; i < 50; i++) {
			first.add(100_000 + i * 1_000);
			expected.add(100_000 + i * 1_000);
			second.add(i * 37);
			expected.add(i * 37);
		}
		first.link(second);
		first.add(5_000_000);
		expected.add(5_000_000);
		assertThat(DistinctCodes.count(new DistinctCodes[] { first }, new int[] { 0 }, new DistinctCodes.Scratch()))
				.isEqualTo(expected.size());
	}

	private static void check(String breakdowns, int parts, int dictionary, int rows) {
		Run run = QuantileCellsTest.run(breakdowns);
		Random random = new Random(breakdowns.hashCode() * 31L + parts * 7L + dictionary);
		int[] months = new int[rows];
		int[] regions = new int[rows];
		int[] lines = new int[rows];
		int[] codes = new int[rows];
		for (int row = 0; row < rows; row++) {
			months[row] = random.nextInt(3);
			regions[row] = random.nextInt(REGIONS.size());
			// line d never in the south: a fine cell with no codes inside a coarse one with many
			lines[row] = regions[row] == 2 ? random.nextInt(LINES.size() - 1) : random.nextInt(LINES.size());
			// the first rows with small codes only, as a dictionary coded in order of first appearance gives them
			codes[row] = random.nextInt(50) == 0 ? -1 : random.nextInt(Math.min(dictionary, 1 + row * 4));
		}
		Distinct whole = new Distinct(run, 0);
		Count count = new Count(run, 0);
		Share share = new Share(run, 0);
		Distinct[] kernels = new Distinct[parts];
		Count[] counts = new Count[parts];
		Share[] shares = new Share[parts];
		kernels[0] = whole;
		counts[0] = count;
		shares[0] = share;
		for (int i = 1; i < parts; i++) {
			kernels[i] = new Distinct(run, 0);
			counts[i] = new Count(run, 0);
			shares[i] = new Share(run, 0);
		}
		int[][] cells = new int[rows][run.groupings()];
		for (int row = 0; row < rows; row++) {
			QuantileCellsTest.cellsOf(run, months[row], regions[row], lines[row], cells[row]);
			int part = (int) ((long) row * parts / rows);
			kernels[part].add(cells[row], codes[row]);
			counts[part].add(cells[row]);
			// a share of the rows with an even code among those with a code
			if (codes[row] >= 0) {
				shares[part].add(cells[row], codes[row] % 2 == 0 ? Logic.TRUE : Logic.FALSE);
			}
		}
		for (int i = 1; i < parts; i++) {
			whole.merge(kernels[i]);
			count.merge(counts[i]);
			share.merge(shares[i]);
		}
		whole.finish();
		count.finish();
		share.finish();
		for (int g = 0; g < run.groupings(); g++) {
			List<Set<Integer>> own = new java.util.ArrayList<>();
			for (int cell = 0; cell < run.cells(g); cell++) {
				own.add(new HashSet<>());
			}
			int[] ownRows = new int[run.cells(g)];
			int[] coded = new int[run.cells(g)];
			int[] even = new int[run.cells(g)];
			for (int row = 0; row < rows; row++) {
				ownRows[cells[row][g]]++;
				if (codes[row] >= 0) {
					own.get(cells[row][g]).add(codes[row]);
					coded[cells[row][g]]++;
					even[cells[row][g]] += codes[row] % 2 == 0 ? 1 : 0;
				}
			}
			for (int month = 0; month < 3; month++) {
				for (int group = 0; group < run.groups(g); group++) {
					assertThat(whole.value(g, month, group)).as("%s, %d parts, %d codes: grouping %d, month %d, group %d",
							breakdowns, parts, dictionary, g, month, group)
							.isEqualTo(own.get(month * run.groups(g) + group).size());
					int cell = month * run.groups(g) + group;
					assertThat(count.value(g, month, group)).as("count, %s, %d parts: grouping %d, cell %d", breakdowns,
							parts, g, cell).isEqualTo(ownRows[cell]);
					assertThat(Double.valueOf(share.value(g, month, group))).as("share, %s, %d parts: grouping %d, cell %d",
							breakdowns, parts, g, cell).isEqualTo(Double.valueOf(coded[cell] == 0 ? Double.NaN
									: (double) even[cell] / coded[cell]));
				}
			}
		}
	}
}
