package io.yardstick.engines.spark;

import io.yardstick.engines.Engine;
import io.yardstick.engines.EngineFactory;
import java.sql.SQLException;

/** {@code --engine spark}, found by the CLI through {@link java.util.ServiceLoader}. */
public final class SparkEngineFactory implements EngineFactory {

	@Override
	public String name() {
		return "spark";
	}

	@Override
	public Engine open(String location) throws SQLException {
		return SparkEngine.open(location);
	}
}
