package io.yardstick.engines;

/** The differential suite on DuckDB, embedded: a new in-memory database per case. */
class DuckDbDifferentialTest extends DifferentialSuite {

	@Override
	Engine open() throws Exception {
		return DuckDbEngine.open(null);
	}
}
