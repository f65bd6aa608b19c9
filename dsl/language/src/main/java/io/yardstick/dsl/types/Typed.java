package io.yardstick.dsl.types;

import io.yardstick.dsl.kpi.Source;

/** An expression's type, level, and for a row value the source whose rows it reads. */
public record Typed(KpiType type, Level level, Source rowSource) {

	public static final Typed UNKNOWN = new Typed(KpiType.UNKNOWN, Level.CONSTANT, null);

	public static Typed constant(KpiType type) {
		return new Typed(type, Level.CONSTANT, null);
	}

	public static Typed aggregate(KpiType type) {
		return new Typed(type, Level.AGGREGATE, null);
	}

	public Kind kind() {
		return type.kind();
	}

	public Typed withType(KpiType newType) {
		return new Typed(newType, level, rowSource);
	}
}
