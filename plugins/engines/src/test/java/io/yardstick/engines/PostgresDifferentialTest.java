package io.yardstick.engines;

/**
 * The differential suite on PostgreSQL, on an embedded server (the real server binaries, started once for
 * the run): a new session per case, its loaded rows in temporary tables.
 */
class PostgresDifferentialTest extends DifferentialSuite {

	@Override
	Engine open() throws Exception {
		return PostgresEngine.open(PostgresServer.url(), PostgresServer.credentials());
	}
}
