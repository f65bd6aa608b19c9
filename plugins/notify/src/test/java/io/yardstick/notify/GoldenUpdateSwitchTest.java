package io.yardstick.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.yardstick.dsl.testing.GoldenFiles;
import org.junit.jupiter.api.Test;

/** The payload golden files are rewritten under the switch; the build must not pass while it is on. */
class GoldenUpdateSwitchTest {

	@Test
	void updateSwitchIsOff() {
		assertFalse(GoldenFiles.updating(), "golden files were rewritten because -D" + GoldenFiles.UPDATE_PROPERTY
				+ "=true is set: review the diff, then run the tests without the switch");
	}
}
