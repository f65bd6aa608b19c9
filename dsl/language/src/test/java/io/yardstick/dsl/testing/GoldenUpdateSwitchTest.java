package io.yardstick.dsl.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class GoldenUpdateSwitchTest {

	@Test
	void updateSwitchIsOff() {
		assertFalse(GoldenFiles.updating(), "golden files were rewritten because -D" + GoldenFiles.UPDATE_PROPERTY
				+ "=true is set: review the diff, then run the tests without the switch");
	}
}
