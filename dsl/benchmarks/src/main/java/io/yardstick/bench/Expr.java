package io.yardstick.bench;

import java.math.BigDecimal;
import java.util.List;

/**
 * A formula of the synthetic model as a small tree, so that one model renders both as .kpi text
 * ({@link KpiWriter}) and as its Java translation for the javac peer ({@link JavaTranslation}).
 * It covers only the shapes the generator writes, not the whole formula language.
 */
public sealed interface Expr {

	/** An aggregate over the rows of {@code source}: count, sum, avg, share, percentile and so on. */
	record Agg(String function, String source, List<Expr> arguments, Expr filter) implements Expr {
	}

	/** A whole source, as in {@code count(Ticket)}. */
	record SourceRef(String source) implements Expr {
	}

	/** {@code Ticket.customer.region}: a source, then fields (references, then a value). */
	record FieldRef(String source, List<String> path) implements Expr {
		FieldRef(String source, String... path) {
			this(source, List.of(path));
		}
	}

	/** A number with an optional unit: {@code %}, a duration unit or a currency code. */
	record Num(BigDecimal value, String unit) implements Expr {
		static Num of(String value) {
			return new Num(new BigDecimal(value), null);
		}

		static Num of(String value, String unit) {
			return new Num(new BigDecimal(value), unit);
		}
	}

	record Str(String value) implements Expr {
	}

	/** A bare enum value; its enum is that of the field it is compared with. */
	record EnumLit(String value) implements Expr {
	}

	/** {@code or and = != < <= > >= + - * /}. */
	record Binary(String operator, Expr left, Expr right) implements Expr {
	}

	record Not(Expr operand) implements Expr {
	}

	record Neg(Expr operand) implements Expr {
	}

	record IsNull(Expr value, boolean negated) implements Expr {
	}

	record InList(Expr value, List<Expr> items) implements Expr {
	}

	record InPeriod(Expr value) implements Expr {
	}

	/** {@code period.start} or {@code period.end}. */
	record PeriodBound(String boundary) implements Expr {
	}

	/** A row function of one argument: hours, weekday, hour. */
	record Scalar(String function, Expr argument) implements Expr {
	}

	record MetricRef(String metric) implements Expr {
	}

	/** previous, change or changeRate of a metric; {@code periods} 0 means the argument is left out. */
	record PeriodFn(String function, String metric, int periods) implements Expr {
	}

	record If(Expr condition, Expr then, Expr otherwise) implements Expr {
	}

	static Expr and(Expr left, Expr right) {
		if (left == null) {
			return right;
		}
		return right == null ? left : new Binary("and", left, right);
	}

	static Expr field(String source, String... path) {
		return new FieldRef(source, path);
	}

	static Expr cmp(String operator, Expr left, Expr right) {
		return new Binary(operator, left, right);
	}
}
