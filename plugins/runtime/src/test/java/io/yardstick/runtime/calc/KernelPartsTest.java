package io.yardstick.runtime.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The primitive structures behind the kernels that a split scan merges: selection and distinct sets. */
class KernelPartsTest {

	@Test
	void selectionFindsEveryOrderStatisticOfValuesWithManyTies() {
		Random random = new Random(7);
		for (int round = 0; round < 200; round++) {
			int size = 1 + random.nextInt(300);
			double[] values = new double[size];
			for (int i = 0; i < size; i++) {
				// few distinct values: ties everywhere, the hard case for partitioning
				values[i] = round % 2 == 0 ? random.nextInt(5) : random.nextGaussian();
			}
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			int k = random.nextInt(size);
			double[] moved = values.clone();
			assertThat(Quantile.select(moved, size, k)).isEqualTo(sorted[k]);
			for (int i = 0; i < size; i++) {
				assertThat(i < k ? moved[i] <= sorted[k] : moved[i] >= sorted[k]).as("position %d of %d", i, size)
						.isTrue();
			}
			double[] again = moved.clone();
			Arrays.sort(again);
			assertThat(again).isEqualTo(sorted);
		}
	}

	@Test
	void distinctValuesCountWhatASetOfBoxedValuesCounts() {
		Random random = new Random(11);
		DistinctValues whole = new DistinctValues();
		DistinctValues first = new DistinctValues();
		DistinctValues second = new DistinctValues();
		Set<Long> expected = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			long value = switch (i % 4) {
				case 0 -> random.nextInt(20_000);
				case 1 -> Double.doubleToLongBits(random.nextInt(1000) / 8.0);
				case 2 -> -random.nextInt(50);
				default -> random.nextLong();
			};
			expected.add(value);
			whole.add(value);
			(i < 40_000 ? first : second).add(value);
		}
		first.addAll(second);
		assertThat(expected).contains(0L);
		assertThat(whole.size()).isEqualTo(expected.size());
		assertThat(first.size()).isEqualTo(expected.size());
	}

	/** Codes of a cell with many rows turn the set into a bitmap; a value it cannot hold turns it back. */
	@Test
	void codesCountedInABitmapAndBackInATable() {
		Random random = new Random(13);
		DistinctValues first = new DistinctValues();
		DistinctValues second = new DistinctValues();
		DistinctValues sparse = new DistinctValues();
		Set<Long> expected = new HashSet<>();
		Set<Long> expectedSparse = new HashSet<>();
		for (int i = 0; i < 200_000; i++) {
			long code = random.nextInt(i < 100_000 ? 30_000 : 60_000);
			expected.add(code);
			(i % 3 == 0 ? first : second).add(code);
			if (i % 100 == 0) {
				// few values spread wide: a bitmap would waste room
				long far = code * 1000;
				expectedSparse.add(far);
				sparse.add(far);
			}
		}
		assertThat(second.size()).isLessThanOrEqualTo(expected.size());
		first.addAll(second);
		assertThat(first.size()).isEqualTo(expected.size());
		second.addAll(sparse);
		first.addAll(sparse);
		expected.addAll(expectedSparse);
		assertThat(first.size()).isEqualTo(expected.size());
		assertThat(sparse.size()).isEqualTo(expectedSparse.size());
		first.add(-5);
		first.add(Long.MAX_VALUE);
		first.add(3);
		assertThat(first.size()).isEqualTo(expected.size() + 2);
	}
}
