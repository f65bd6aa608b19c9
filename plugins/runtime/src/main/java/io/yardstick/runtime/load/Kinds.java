package io.yardstick.runtime.load;

import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import java.nio.charset.StandardCharsets;

/** Small integer codes of the field kinds, for switches on the loading path, and what each field needs. */
final class Kinds {
	static final int COUNT = 0;
	static final int NUMBER = 1;
	static final int PERCENT = 2;
	static final int RATIO = 3;
	static final int SCORE = 4;
	static final int DURATION = 5;
	static final int CURRENCY = 6;
	static final int TIMESTAMP = 7;
	static final int DATE = 8;
	static final int TEXT = 9;
	static final int BOOL = 10;
	static final int ENUM = 11;
	static final int REFERENCE = 12;

	private Kinds() {
	}

	static int of(FieldType type) {
		switch (type) {
		case COUNT:
			return COUNT;
		case NUMBER:
			return NUMBER;
		case PERCENT:
			return PERCENT;
		case RATIO:
			return RATIO;
		case SCORE:
			return SCORE;
		case DURATION:
			return DURATION;
		case CURRENCY:
			return CURRENCY;
		case TIMESTAMP:
			return TIMESTAMP;
		case DATE:
			return DATE;
		case TEXT:
			return TEXT;
		case BOOL:
			return BOOL;
		case ENUM:
			return ENUM;
		case REFERENCE:
			return REFERENCE;
		default:
			throw new IllegalArgumentException("unknown kind " + type);
		}
	}

	/** The enum's values as UTF-8 bytes, in declared order. */
	static byte[][] enumBytes(FieldSpec field) {
		byte[][] values = new byte[field.enumValues().size()][];
		for (int i = 0; i < values.length; i++) {
			values[i] = field.enumValues().get(i).getBytes(StandardCharsets.UTF_8);
		}
		return values;
	}

	/** A value of the numeric kinds (count .. currency), NaN with {@link CellParser#error} when bad. */
	static double number(CellParser parser, int kind, FieldSpec field, double unitSeconds, byte[] a, int s, int e) {
		switch (kind) {
		case COUNT:
			return parser.count(a, s, e);
		case NUMBER:
			return parser.number(a, s, e);
		case PERCENT:
			return parser.percent(a, s, e);
		case RATIO:
			return parser.ratio(a, s, e);
		case SCORE:
			return parser.score(a, s, e, field.min(), field.max());
		case DURATION:
			return parser.duration(a, s, e, field.unit(), unitSeconds);
		case CURRENCY:
			return parser.currency(a, s, e, field.unit());
		default:
			throw new IllegalArgumentException("not a numeric kind: " + field.type());
		}
	}

	/** A key fingerprint of a number: its bits, with -0 as 0. */
	static long fingerprint(double value) {
		return value == 0 ? 0L : Double.doubleToLongBits(value);
	}

	static boolean isNumeric(int kind) {
		return kind <= CURRENCY;
	}
}
