package io.yardstick.engines;

import java.sql.SQLException;

/**
 * Opens an engine that lives in a module of its own (Spark, whose jars are too large for the CLI's jar):
 * the CLI finds the factories on its class path through {@link java.util.ServiceLoader}.
 */
public interface EngineFactory {

	/** The name {@code --engine} takes: {@code spark}. */
	String name();

	/**
	 * @param location where the engine runs, in the engine's own words ({@code local[2]},
	 *     {@code sc://host:15002}); null for the engine's default
	 */
	Engine open(String location) throws SQLException;
}
