package io.yardstick.bench;

import io.yardstick.bench.Expr.Agg;
import io.yardstick.bench.Expr.Binary;
import io.yardstick.bench.Expr.EnumLit;
import io.yardstick.bench.Expr.FieldRef;
import io.yardstick.bench.Expr.If;
import io.yardstick.bench.Expr.InList;
import io.yardstick.bench.Expr.InPeriod;
import io.yardstick.bench.Expr.IsNull;
import io.yardstick.bench.Expr.MetricRef;
import io.yardstick.bench.Expr.Neg;
import io.yardstick.bench.Expr.Not;
import io.yardstick.bench.Expr.Num;
import io.yardstick.bench.Expr.PeriodBound;
import io.yardstick.bench.Expr.PeriodFn;
import io.yardstick.bench.Expr.Scalar;
import io.yardstick.bench.Expr.SourceRef;
import io.yardstick.bench.Expr.Str;
import io.yardstick.bench.SyntheticModel.Cond;
import io.yardstick.bench.SyntheticModel.FieldSpec;
import io.yardstick.bench.SyntheticModel.FieldType;
import io.yardstick.bench.SyntheticModel.LinkSpec;
import io.yardstick.bench.SyntheticModel.LoopSpec;
import io.yardstick.bench.SyntheticModel.MetricSpec;
import io.yardstick.bench.SyntheticModel.SourceSpec;
import io.yardstick.bench.SyntheticModel.TemplateSpec;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The peer's input: the synthetic model translated into plain Java, as a developer would write it
 * by hand. One class per template; a nested class per source with typed (boxed, nullable) fields
 * and a nested enum per enum field; one static method per metric that computes its formula over
 * arrays of rows (an aggregate is a loop whose {@code where} is an if), derived metrics calling the
 * methods of the metrics they use, earlier periods reached through {@code Data.back(n)}; links,
 * loops, layers and targets as constant tables. The shared sources and a small helper class
 * ({@code Ops}: three-valued logic and null-propagating arithmetic) live in
 * {@code synthetic.common}.
 *
 * <p>javac has to do for it what the Yardstick validator does for the .kpi text: parse, resolve
 * every name across classes and packages, and type-check every expression (with overload
 * resolution and boxing); it also does flow analysis and writes bytecode, which the validator
 * does not.
 */
public final class JavaTranslation {
	private JavaTranslation() {
	}

	/** Binary class name → Java source, shared classes first, then one class per template. */
	public static Map<String, String> of(SyntheticModel model) {
		Map<String, String> sources = common(model);
		for (TemplateSpec template : model.templates()) {
			sources.put(className(template), template(template, model));
		}
		return sources;
	}

	/** The shared classes alone. */
	public static Map<String, String> common(SyntheticModel model) {
		Map<String, String> sources = new LinkedHashMap<>();
		for (SourceSpec source : model.commonSources()) {
			sources.put(SyntheticModel.COMMON_PACKAGE + "." + source.name(), commonSource(source));
		}
		sources.put(SyntheticModel.COMMON_PACKAGE + ".Ops", OPS);
		sources.put(SyntheticModel.COMMON_PACKAGE + ".Link", LINK);
		sources.put(SyntheticModel.COMMON_PACKAGE + ".Cond", COND);
		sources.put(SyntheticModel.COMMON_PACKAGE + ".Target", TARGET);
		return sources;
	}

	public static String className(TemplateSpec template) {
		return template.packageName() + "." + template.name();
	}

	/** The Java class of the variant's template. */
	public static String variant(SyntheticModel model) {
		return template(model.variantTemplate(), model);
	}

	// ------------------------------------------------------------------ shared classes

	private static String commonSource(SourceSpec source) {
		StringBuilder out = new StringBuilder();
		out.append("package ").append(SyntheticModel.COMMON_PACKAGE).append(";\n\n");
		out.append("/** ").append(source.labelEn()).append(" (").append(source.labelZh()).append("). */\n");
		out.append("public final class ").append(source.name()).append(" {\n");
		rowBody(out, source, "\t");
		out.append("}\n");
		return out.toString();
	}

	private static void rowBody(StringBuilder out, SourceSpec source, String indent) {
		for (FieldSpec field : source.fields()) {
			if (field.type() == FieldType.ENUM) {
				out.append(indent).append("public enum ").append(capitalized(field.name())).append(" { ")
						.append(String.join(", ", field.enumValues())).append(" }\n\n");
			}
		}
		for (FieldSpec field : source.fields()) {
			out.append(indent).append("/** ").append(field.labelEn() == null ? field.name() : field.labelEn())
					.append(field.optional() ? ", may be null" : "").append(". */\n");
			out.append(indent).append("public ").append(javaType(field)).append(' ').append(field.name()).append(";\n");
		}
	}

	private static String javaType(FieldSpec field) {
		return switch (field.type()) {
			case TEXT -> "String";
			case ENUM -> capitalized(field.name());
			case TIMESTAMP, DATE -> "Long";
			case COUNT -> "Integer";
			case SCORE, DURATION, CURRENCY -> "Double";
			case BOOL -> "Boolean";
			case REFERENCE -> field.reference();
		};
	}

	private static final String OPS = """
			package synthetic.common;

			import java.time.Instant;
			import java.time.ZoneId;
			import java.util.Arrays;
			import java.util.Objects;

			/** Three-valued logic and null-propagating arithmetic: a null operand gives null. */
			public final class Ops {
				private Ops() {
				}

				public static boolean isTrue(Boolean b) {
					return b != null && b;
				}

				public static Double num(Integer v) {
					return v == null ? null : v.doubleValue();
				}

				public static Double add(Double a, Double b) {
					return a == null || b == null ? null : a + b;
				}

				public static Double sub(Double a, Double b) {
					return a == null || b == null ? null : a - b;
				}

				public static Double mul(Double a, Double b) {
					return a == null || b == null ? null : a * b;
				}

				public static Double div(Double a, Double b) {
					return a == null || b == null || b == 0 ? null : a / b;
				}

				public static Double neg(Double a) {
					return a == null ? null : -a;
				}

				/** Seconds between two points in time. */
				public static Double diff(Long a, Long b) {
					return a == null || b == null ? null : (double) (a - b);
				}

				public static Boolean eq(Object a, Object b) {
					return a == null || b == null ? null : a.equals(b);
				}

				public static Boolean ne(Object a, Object b) {
					return a == null || b == null ? null : !a.equals(b);
				}

				public static Boolean lt(Double a, Double b) {
					return a == null || b == null ? null : a < b;
				}

				public static Boolean le(Double a, Double b) {
					return a == null || b == null ? null : a <= b;
				}

				public static Boolean gt(Double a, Double b) {
					return a == null || b == null ? null : a > b;
				}

				public static Boolean ge(Double a, Double b) {
					return a == null || b == null ? null : a >= b;
				}

				public static Boolean lt(Long a, Long b) {
					return a == null || b == null ? null : a < b;
				}

				public static Boolean le(Long a, Long b) {
					return a == null || b == null ? null : a <= b;
				}

				public static Boolean gt(Long a, Long b) {
					return a == null || b == null ? null : a > b;
				}

				public static Boolean ge(Long a, Long b) {
					return a == null || b == null ? null : a >= b;
				}

				public static Boolean and(Boolean a, Boolean b) {
					if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
						return false;
					}
					return a == null || b == null ? null : true;
				}

				public static Boolean or(Boolean a, Boolean b) {
					if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
						return true;
					}
					return a == null || b == null ? null : false;
				}

				public static Boolean not(Boolean a) {
					return a == null ? null : !a;
				}

				public static Boolean isNull(Object a) {
					return a == null;
				}

				public static Boolean notNull(Object a) {
					return a != null;
				}

				@SafeVarargs
				public static <T> Boolean in(T value, T... items) {
					if (value == null) {
						return null;
					}
					for (T item : items) {
						if (Objects.equals(value, item)) {
							return true;
						}
					}
					return false;
				}

				public static Boolean inPeriod(Long at, long start, long end) {
					return at == null ? null : at >= start && at < end;
				}

				public static Double weekday(Long at, ZoneId zone) {
					return at == null ? null : (double) Instant.ofEpochSecond(at).atZone(zone).getDayOfWeek().getValue();
				}

				public static Double hour(Long at, ZoneId zone) {
					return at == null ? null : (double) Instant.ofEpochSecond(at).atZone(zone).getHour();
				}

				public static Double hours(Double seconds) {
					return seconds == null ? null : seconds / 3600;
				}

				public static Double pick(Boolean condition, Double then, Double otherwise) {
					return isTrue(condition) ? then : otherwise;
				}

				public static Double changeRate(Double now, Double before) {
					return now == null || before == null || before == 0 ? null : (now - before) / before;
				}

				/** R-7: linear interpolation between order statistics. */
				public static Double percentile(double[] values, int n, double p) {
					if (n == 0) {
						return null;
					}
					double[] sorted = Arrays.copyOf(values, n);
					Arrays.sort(sorted);
					double h = (n - 1) * p;
					int low = (int) Math.floor(h);
					int high = Math.min(low + 1, n - 1);
					return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
				}

				public static Double stddev(double[] values, int n) {
					if (n < 2) {
						return null;
					}
					double mean = 0;
					for (int i = 0; i < n; i++) {
						mean += values[i];
					}
					mean /= n;
					double squares = 0;
					for (int i = 0; i < n; i++) {
						squares += (values[i] - mean) * (values[i] - mean);
					}
					return Math.sqrt(squares / (n - 1));
				}
			}
			""";

	private static final String LINK = """
			package synthetic.common;

			/** A causal link between two metrics: +1 positive, -1 negative. */
			public record Link(String from, String to, int polarity, int lag, String grain, String status, boolean feedback) {
			}
			""";

	private static final String COND = """
			package synthetic.common;

			/** A target or threshold in stored units: an operator and one bound, or a band. */
			public record Cond(String operator, double low, double high) {
				public static Cond of(String operator, double value) {
					return new Cond(operator, value, Double.NaN);
				}

				public static Cond band(String operator, double low, double high) {
					return new Cond(operator, low, high);
				}
			}
			""";

	private static final String TARGET = """
			package synthetic.common;

			/** A metric's direction (+1, -1, 0 for a band), target and thresholds. */
			public record Target(String metric, int direction, Cond target, Cond warning, Cond critical) {
			}
			""";

	// ------------------------------------------------------------------ one template

	private static String template(TemplateSpec t, SyntheticModel model) {
		Context context = new Context(t, model);
		StringBuilder out = new StringBuilder();
		out.append("package ").append(t.packageName()).append(";\n\n");
		out.append("import synthetic.common.Cond;\n");
		out.append("import synthetic.common.Customer;\n");
		out.append("import synthetic.common.Link;\n");
		out.append("import synthetic.common.Ops;\n");
		out.append("import synthetic.common.Product;\n");
		out.append("import synthetic.common.Target;\n\n");
		out.append("/** ").append(t.labelEn()).append(" (").append(t.labelZh()).append("). */\n");
		out.append("public final class ").append(t.name()).append(" {\n");
		out.append("\tprivate ").append(t.name()).append("() {\n\t}\n\n");
		for (SourceSpec source : t.sources()) {
			out.append("\t/** ").append(source.labelEn()).append(" (").append(source.labelZh()).append("). */\n");
			out.append("\tpublic static final class ").append(source.name()).append(" {\n");
			rowBody(out, source, "\t\t");
			out.append("\t}\n\n");
		}
		out.append("""
					/** The rows of one period, and the periods before it. */
					public static final class Data {
						static final Data EMPTY = new Data(new Ticket[0], new Order[0], new Customer[0], 0, 0, null);
						public final Ticket[] tickets;
						public final Order[] orders;
						public final Customer[] customers;
						public final long start;
						public final long end;
						public final java.time.ZoneId zone = java.time.ZoneId.of("%s");
						private final Data previous;

						public Data(Ticket[] tickets, Order[] orders, Customer[] customers, long start, long end, Data previous) {
							this.tickets = tickets;
							this.orders = orders;
							this.customers = customers;
							this.start = start;
							this.end = end;
							this.previous = previous;
						}

						/** The data of {@code n} periods back; empty before the first. */
						public Data back(int n) {
							Data data = this;
							for (int i = 0; i < n; i++) {
								data = data.previous == null ? EMPTY : data.previous;
							}
							return data;
						}
					}

				""".formatted(t.timezone()));
		for (MetricSpec metric : t.metrics()) {
			context.metric(out, metric);
		}
		tables(out, t);
		out.append("}\n");
		return out.toString();
	}

	private static void tables(StringBuilder out, TemplateSpec t) {
		for (String layer : SyntheticModel.LAYERS) {
			out.append("\tpublic static final String[] ").append(layer.toUpperCase(java.util.Locale.ROOT)).append(" = {");
			out.append(t.layer(layer).stream().map(m -> "\"" + m.name() + "\"").collect(Collectors.joining(", ")));
			out.append("};\n\n");
		}
		out.append("\tpublic static final Link[] LINKS = {\n");
		for (LinkSpec link : t.links()) {
			out.append("\t\tnew Link(\"").append(link.from()).append("\", \"").append(link.to()).append("\", ")
					.append(link.negative() ? -1 : 1).append(", ").append(link.lag()).append(", ")
					.append(link.grain() == null ? "null" : "\"" + link.grain() + "\"").append(", \"").append(link.status())
					.append("\", ").append(link.feedback()).append("),\n");
		}
		out.append("\t};\n\n");
		out.append("\tpublic static final String[][] LOOPS = {\n");
		for (LoopSpec loop : t.loops()) {
			out.append("\t\t{\"").append(loop.name()).append("\", ")
					.append(loop.steps().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")))
					.append("},\n");
		}
		out.append("\t};\n\n");
		out.append("\tpublic static final Target[] TARGETS = {\n");
		for (MetricSpec metric : t.metrics()) {
			out.append("\t\tnew Target(\"").append(metric.name()).append("\", ").append(metric.direction()).append(", ")
					.append(cond(metric.target())).append(", ").append(cond(metric.warning())).append(", ")
					.append(cond(metric.critical())).append("),\n");
		}
		out.append("\t};\n");
	}

	private static String cond(Cond c) {
		if (c == null) {
			return "null";
		}
		if (c.high() != null) {
			return "Cond.band(\"" + c.operator() + "\", " + literal(c.low()) + ", " + literal(c.high()) + ")";
		}
		return "Cond.of(\"" + c.operator() + "\", " + literal(c.low()) + ")";
	}

	/** A constant in stored units: percent as a fraction, durations in seconds. */
	static BigDecimal stored(Num n) {
		if (n.unit() == null) {
			return n.value();
		}
		return switch (n.unit()) {
			case "%" -> n.value().movePointLeft(2);
			case "s" -> n.value();
			case "min" -> n.value().multiply(BigDecimal.valueOf(60));
			case "h" -> n.value().multiply(BigDecimal.valueOf(3_600));
			case "d" -> n.value().multiply(BigDecimal.valueOf(86_400));
			case "w" -> n.value().multiply(BigDecimal.valueOf(604_800));
			default -> n.value();
		};
	}

	private static String literal(Expr constant) {
		if (constant instanceof Neg neg) {
			return "-" + literal(neg.operand());
		}
		return Double.toString(stored((Num) constant).doubleValue());
	}

	private static String capitalized(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	// ------------------------------------------------------------------ formulas

	/** A Java expression and its static type: Double, Long, Boolean, String, or an enum or row class. */
	private record J(String code, String type) {
	}

	private static final class Context {
		private final Map<String, SourceSpec> sources = new LinkedHashMap<>();
		private final Map<String, String> classOfSource = new LinkedHashMap<>();
		private final Map<String, String> rowsOfSource = Map.of("Ticket", "tickets", "Order", "orders", "Customer",
				"customers");
		private int aggregates;
		private StringBuilder helpers;
		private String metricName;

		Context(TemplateSpec t, SyntheticModel model) {
			for (SourceSpec source : model.commonSources()) {
				sources.put(source.name(), source);
				classOfSource.put(source.name(), source.name());
			}
			for (SourceSpec source : t.sources()) {
				sources.put(source.name(), source);
				classOfSource.put(source.name(), source.name());
			}
		}

		void metric(StringBuilder out, MetricSpec metric) {
			metricName = metric.name();
			aggregates = 0;
			helpers = new StringBuilder();
			String body = value(metric.formula());
			out.append("\t/** ").append(metric.labelEn()).append(" (").append(metric.labelZh()).append("): ")
					.append(metric.kind()).append(", ").append(metric.directionKeyword()).append(", ")
					.append(metric.layer()).append(" layer. */\n");
			out.append("\tpublic static Double ").append(metric.name()).append("(Data c) {\n");
			out.append("\t\treturn ").append(body).append(";\n");
			out.append("\t}\n\n");
			out.append(helpers);
		}

		/** A metric-level value: always a Double, null when unknown. */
		private String value(Expr e) {
			if (e instanceof Agg agg) {
				return aggregate(agg) + "(c)";
			}
			if (e instanceof Num n) {
				return Double.toString(stored(n).doubleValue());
			}
			if (e instanceof Neg n) {
				return "Ops.neg(" + value(n.operand()) + ")";
			}
			if (e instanceof MetricRef m) {
				return m.metric() + "(c)";
			}
			if (e instanceof PeriodFn p) {
				int back = Math.max(1, p.periods());
				String now = p.metric() + "(c)";
				String before = p.metric() + "(c.back(" + back + "))";
				return switch (p.function()) {
					case "previous" -> before;
					case "change" -> "Ops.sub(" + now + ", " + before + ")";
					default -> "Ops.changeRate(" + now + ", " + before + ")";
				};
			}
			if (e instanceof If i) {
				return "Ops.pick(" + condition(i.condition()) + ", " + value(i.then()) + ", " + value(i.otherwise()) + ")";
			}
			if (e instanceof Binary b) {
				String method = switch (b.operator()) {
					case "+" -> "add";
					case "-" -> "sub";
					case "*" -> "mul";
					case "/" -> "div";
					default -> throw new IllegalArgumentException("not a value: " + b);
				};
				return "Ops." + method + "(" + value(b.left()) + ", " + value(b.right()) + ")";
			}
			throw new IllegalArgumentException("not a metric-level value: " + e);
		}

		/** A metric-level condition (the if of a derived metric). */
		private String condition(Expr e) {
			if (e instanceof Binary b) {
				return "Ops." + comparison(b.operator()) + "(" + value(b.left()) + ", " + value(b.right()) + ")";
			}
			throw new IllegalArgumentException("not a metric-level condition: " + e);
		}

		/** Writes the aggregate as a helper method with a loop over the rows; gives the method's name. */
		private String aggregate(Agg agg) {
			String name = metricName + "_a" + aggregates++;
			String rowClass = classOfSource.get(agg.source());
			StringBuilder h = helpers;
			h.append("\tprivate static Double ").append(name).append("(Data c) {\n");
			String function = agg.function();
			switch (function) {
				case "count" -> h.append("\t\tint n = 0;\n");
				case "countDistinct" -> h.append("\t\tjava.util.Set<Object> seen = new java.util.HashSet<>();\n");
				case "sum", "avg" -> h.append("\t\tdouble s = 0;\n\t\tint n = 0;\n");
				case "share" -> h.append("\t\tint n = 0;\n\t\tint k = 0;\n");
				case "ratio" -> h.append("\t\tdouble a = 0;\n\t\tdouble b = 0;\n");
				case "median", "percentile", "stddev" -> h.append("\t\tdouble[] values = new double[16];\n\t\tint n = 0;\n");
				default -> throw new IllegalArgumentException(function);
			}
			h.append("\t\tfor (").append(rowClass).append(" r : c.").append(rowsOfSource.get(agg.source())).append(") {\n");
			if (agg.filter() != null) {
				h.append("\t\t\tif (!Ops.isTrue(").append(row(agg.filter()).code()).append(")) {\n");
				h.append("\t\t\t\tcontinue;\n\t\t\t}\n");
			}
			Expr last = agg.arguments().get(agg.arguments().size() - 1);
			switch (function) {
				case "count" -> {
					if (last instanceof SourceRef) {
						h.append("\t\t\tn++;\n");
					} else {
						h.append("\t\t\tif (").append(row(last).code()).append(" != null) {\n\t\t\t\tn++;\n\t\t\t}\n");
					}
				}
				case "countDistinct" -> h.append("\t\t\tObject v = ").append(row(last).code())
						.append(";\n\t\t\tif (v != null) {\n\t\t\t\tseen.add(v);\n\t\t\t}\n");
				case "sum", "avg" -> h.append("\t\t\tDouble v = ").append(number(row(last)))
						.append(";\n\t\t\tif (v == null) {\n\t\t\t\tcontinue;\n\t\t\t}\n\t\t\ts += v;\n\t\t\tn++;\n");
				case "share" -> h.append("\t\t\tn++;\n\t\t\tif (Ops.isTrue(").append(row(last).code())
						.append(")) {\n\t\t\t\tk++;\n\t\t\t}\n");
				case "ratio" -> h.append("\t\t\tDouble x = ").append(number(row(agg.arguments().get(0))))
						.append(";\n\t\t\tDouble y = ").append(number(row(last)))
						.append(";\n\t\t\tif (x == null || y == null) {\n\t\t\t\tcontinue;\n\t\t\t}\n\t\t\ta += x;\n\t\t\tb += y;\n");
				default -> h.append("\t\t\tDouble v = ").append(number(row(last))).append(";\n")
						.append("\t\t\tif (v == null) {\n\t\t\t\tcontinue;\n\t\t\t}\n")
						.append("\t\t\tif (n == values.length) {\n\t\t\t\tvalues = java.util.Arrays.copyOf(values, 2 * n);\n\t\t\t}\n")
						.append("\t\t\tvalues[n++] = v;\n");
			}
			h.append("\t\t}\n");
			switch (function) {
				case "count" -> h.append("\t\treturn (double) n;\n");
				case "countDistinct" -> h.append("\t\treturn (double) seen.size();\n");
				case "sum" -> h.append("\t\treturn n == 0 ? null : s;\n");
				case "avg" -> h.append("\t\treturn n == 0 ? null : s / n;\n");
				case "share" -> h.append("\t\treturn n == 0 ? null : (double) k / n;\n");
				case "ratio" -> h.append("\t\treturn b == 0 ? null : a / b;\n");
				case "median" -> h.append("\t\treturn Ops.percentile(values, n, 0.5);\n");
				case "percentile" -> h.append("\t\treturn Ops.percentile(values, n, ")
						.append(stored((Num) agg.arguments().get(0)).doubleValue()).append(");\n");
				default -> h.append("\t\treturn Ops.stddev(values, n);\n");
			}
			h.append("\t}\n\n");
			return name;
		}

		private static String number(J j) {
			if (!j.type().equals("Double")) {
				throw new IllegalArgumentException("not a number: " + j);
			}
			return j.code();
		}

		/** A row-level expression over the row {@code r}. */
		private J row(Expr e) {
			if (e instanceof FieldRef f) {
				return field(f);
			}
			if (e instanceof Num n) {
				return new J(Double.toString(stored(n).doubleValue()), "Double");
			}
			if (e instanceof Str s) {
				return new J("\"" + s.value() + "\"", "String");
			}
			if (e instanceof PeriodBound p) {
				return new J("c." + p.boundary(), "Long");
			}
			if (e instanceof Scalar s) {
				J argument = row(s.argument());
				return switch (s.function()) {
					case "hours" -> new J("Ops.hours(" + argument.code() + ")", "Double");
					default -> new J("Ops." + s.function() + "(" + argument.code() + ", c.zone)", "Double");
				};
			}
			if (e instanceof Not n) {
				return new J("Ops.not(" + row(n.operand()).code() + ")", "Boolean");
			}
			if (e instanceof IsNull n) {
				return new J("Ops." + (n.negated() ? "notNull" : "isNull") + "(" + row(n.value()).code() + ")", "Boolean");
			}
			if (e instanceof InPeriod p) {
				return new J("Ops.inPeriod(" + row(p.value()).code() + ", c.start, c.end)", "Boolean");
			}
			if (e instanceof InList in) {
				J value = row(in.value());
				String items = in.items().stream().map(item -> value.type() + "." + ((EnumLit) item).value())
						.collect(Collectors.joining(", "));
				return new J("Ops.in(" + value.code() + ", " + items + ")", "Boolean");
			}
			if (e instanceof Binary b) {
				switch (b.operator()) {
					case "and", "or" -> {
						return new J("Ops." + b.operator() + "(" + row(b.left()).code() + ", " + row(b.right()).code() + ")",
								"Boolean");
					}
					case "-" -> {
						J left = row(b.left());
						J right = row(b.right());
						if (left.type().equals("Long") && right.type().equals("Long")) {
							return new J("Ops.diff(" + left.code() + ", " + right.code() + ")", "Double");
						}
						return new J("Ops.sub(" + number(left) + ", " + number(right) + ")", "Double");
					}
					case "+", "*", "/" -> throw new IllegalArgumentException("no row arithmetic in the model: " + b);
					default -> {
						J left = row(b.left());
						String right = b.right() instanceof EnumLit l ? left.type() + "." + l.value() : row(b.right()).code();
						return new J("Ops." + comparison(b.operator()) + "(" + left.code() + ", " + right + ")", "Boolean");
					}
				}
			}
			throw new IllegalArgumentException("not a row expression: " + e);
		}

		/** {@code r.a}, or {@code (r.a == null ? null : r.a.b)} through a reference. */
		private J field(FieldRef f) {
			SourceSpec source = sources.get(f.source());
			String owner = classOfSource.get(f.source());
			String code = "r";
			String guard = null;
			FieldSpec field = null;
			for (int i = 0; i < f.path().size(); i++) {
				field = source.field(f.path().get(i));
				String access = code + "." + field.name();
				if (i > 0) {
					guard = guard == null ? code + " == null" : guard + " || " + code + " == null";
				}
				code = access;
				if (field.type() == FieldType.REFERENCE && i + 1 < f.path().size()) {
					source = sources.get(field.reference());
					owner = classOfSource.get(field.reference());
				}
			}
			String type = switch (field.type()) {
				case ENUM -> owner + "." + capitalized(field.name());
				case TEXT -> "String";
				case TIMESTAMP, DATE -> "Long";
				case BOOL -> "Boolean";
				case REFERENCE -> field.reference();
				default -> "Double";
			};
			if (field.type() == FieldType.COUNT) {
				code = "Ops.num(" + code + ")";
			}
			if (guard != null) {
				code = "(" + guard + " ? null : " + code + ")";
			}
			return new J(code, type);
		}

		private static String comparison(String operator) {
			return switch (operator) {
				case "=" -> "eq";
				case "!=" -> "ne";
				case "<" -> "lt";
				case "<=" -> "le";
				case ">" -> "gt";
				case ">=" -> "ge";
				default -> throw new IllegalArgumentException(operator);
			};
		}
	}

	/** Source lines of all classes, for the documentation. */
	public static long lines(Map<String, String> sources) {
		return sources.values().stream().mapToLong(s -> s.lines().count()).sum();
	}

	static List<String> templateClassNames(SyntheticModel model) {
		return model.templates().stream().map(JavaTranslation::className).toList();
	}
}
