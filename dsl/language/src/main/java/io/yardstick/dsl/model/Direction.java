package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.Metric;
import java.util.Optional;

/** Which way a metric improves. The grammar keeps it as a keyword string; code reads it through here. */
public enum Direction {
	HIGHER_IS_BETTER("higher-is-better", 1),
	LOWER_IS_BETTER("lower-is-better", -1),
	TARGET_BAND("target-band", 0);

	private final String keyword;
	private final int sign;

	Direction(String keyword, int sign) {
		this.keyword = keyword;
		this.sign = sign;
	}

	public String keyword() {
		return keyword;
	}

	/** +1 when a rise is good, -1 when a fall is good, 0 when only staying inside a band is good. */
	public int sign() {
		return sign;
	}

	public static Optional<Direction> of(Metric metric) {
		return fromKeyword(Overrides.direction(metric));
	}

	public static Optional<Direction> fromKeyword(String keyword) {
		for (Direction direction : values()) {
			if (direction.keyword.equals(keyword)) {
				return Optional.of(direction);
			}
		}
		return Optional.empty();
	}
}
