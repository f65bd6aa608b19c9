package io.yardstick.runtime.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoldenSwitchTest {

	@Test
	void goldenFilesAreComparedNotRewritten() {
		assertThat(Golden.updating())
				.as("-D%s=true rewrote the golden files: review the diff, then run the tests without it",
						Golden.UPDATE_PROPERTY)
				.isFalse();
	}
}
