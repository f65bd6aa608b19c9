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
import io.yardstick.bench.SyntheticModel.DimensionSpec;
import io.yardstick.bench.SyntheticModel.FieldSpec;
import io.yardstick.bench.SyntheticModel.LinkSpec;
import io.yardstick.bench.SyntheticModel.LoopSpec;
import io.yardstick.bench.SyntheticModel.MetricSpec;
import io.yardstick.bench.SyntheticModel.SourceSpec;
import io.yardstick.bench.SyntheticModel.TemplateSpec;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the synthetic model as .kpi text, laid out as the formatter would. */
final class KpiWriter {
	private KpiWriter() {
	}

	static String common(List<SourceSpec> sources) {
		StringBuilder out = new StringBuilder();
		out.append("// Shared master data of the synthetic template library: imported by every template.\n");
		out.append("package ").append(SyntheticModel.COMMON_PACKAGE).append("\n");
		for (SourceSpec source : sources) {
			out.append('\n');
			source(out, source, "");
		}
		return out.toString();
	}

	static String template(TemplateSpec t, long seed) {
		StringBuilder out = new StringBuilder();
		out.append("// Synthetic template ").append(t.index())
				.append(", written by io.yardstick.bench.SyntheticModel (seed ").append(seed).append("). Do not edit.\n");
		out.append("package ").append(t.packageName()).append("\n\n");
		if (t.wildcardImport()) {
			out.append("import ").append(SyntheticModel.COMMON_PACKAGE).append(".*\n");
		} else {
			out.append("import ").append(SyntheticModel.COMMON_PACKAGE).append(".Customer\n");
			out.append("import ").append(SyntheticModel.COMMON_PACKAGE).append(".Product\n");
		}
		out.append("\ntemplate ").append(t.name()).append(labels(t.labelZh(), t.labelEn())).append(" {\n");
		out.append("\tindustry \"synthetic\"\n");
		out.append("\ttimezone ").append(quote(t.timezone())).append('\n');
		out.append("\tcore-limit ").append(t.coreLimit()).append('\n');
		out.append("\tdescription ").append(quote(t.description())).append('\n');
		for (SourceSpec source : t.sources()) {
			out.append('\n');
			source(out, source, "\t");
		}
		out.append('\n');
		for (DimensionSpec dimension : t.dimensions()) {
			out.append("\tdimension ").append(dimension.name()).append(labels(dimension.labelZh(), dimension.labelEn()))
					.append(" { ").append(String.join(", ", dimension.mappings())).append(" }\n");
		}
		for (String layer : SyntheticModel.LAYERS) {
			out.append("\n\tlayer ").append(layer).append(labels(layerZh(layer), layerEn(layer))).append(" {\n");
			boolean first = true;
			for (MetricSpec metric : t.layer(layer)) {
				if (!first) {
					out.append('\n');
				}
				first = false;
				metric(out, metric);
			}
			out.append("\t}\n");
		}
		out.append('\n');
		for (LinkSpec link : t.links()) {
			out.append("\tlink ").append(link.from()).append(" -> ").append(link.to()).append(" : ")
					.append(link.negative() ? "negative" : "positive");
			if (link.lag() > 0) {
				out.append(" lag ").append(link.lag()).append(' ').append(link.grain());
			}
			if (!link.status().equals("hypothesized")) {
				out.append(" status ").append(link.status());
			}
			if (link.feedback()) {
				out.append(" feedback");
			}
			out.append(' ').append(quote(link.rationale())).append('\n');
		}
		if (!t.loops().isEmpty()) {
			out.append('\n');
		}
		for (LoopSpec loop : t.loops()) {
			out.append("\tloop ").append(loop.name()).append(labels(loop.labelZh(), loop.labelEn())).append(" :\n\t\t")
					.append(String.join(" -> ", loop.steps())).append('\n');
		}
		out.append("}\n");
		return out.toString();
	}

	private static void source(StringBuilder out, SourceSpec source, String indent) {
		out.append(indent).append("source ").append(source.name()).append(labels(source.labelZh(), source.labelEn()))
				.append(" {\n");
		for (FieldSpec field : source.fields()) {
			out.append(indent).append('\t');
			if (field.key()) {
				out.append("key ");
			}
			out.append(field.name());
			if (field.reference() != null) {
				out.append(" -> ").append(field.reference());
			} else {
				out.append(": ").append(field.kind());
			}
			if (field.optional()) {
				out.append('?');
			}
			if (field.dimension()) {
				out.append(" dimension");
			}
			if (field.timeAxis()) {
				out.append(" time");
			}
			if (field.labelZh() != null) {
				out.append(labels(field.labelZh(), field.labelEn()));
			}
			out.append('\n');
		}
		out.append(indent).append("}\n");
	}

	private static void metric(StringBuilder out, MetricSpec m) {
		out.append("\t\tmetric ").append(m.name()).append(labels(m.labelZh(), m.labelEn())).append(" : ").append(m.kind())
				.append(' ').append(m.directionKeyword());
		if (m.supporting()) {
			out.append(" supporting");
		}
		out.append(" {\n");
		out.append("\t\t\t= ").append(expr(m.formula())).append('\n');
		condition(out, "target", m.target());
		condition(out, "warning", m.warning());
		condition(out, "critical", m.critical());
		if (!m.breakdowns().isEmpty()) {
			out.append("\t\t\tby ").append(String.join(", ", m.breakdowns())).append('\n');
		}
		if (m.timeAxis() != null) {
			out.append("\t\t\ttime ").append(m.timeAxis()).append('\n');
		}
		attribute(out, "goal", m.goal() == null ? null : quote(m.goal()));
		attribute(out, "operability", m.operability());
		attribute(out, "generality", m.generality());
		attribute(out, "owner", m.owner() == null ? null : quote(m.owner()));
		attribute(out, "description", m.description() == null ? null : quote(m.description()));
		out.append("\t\t}\n");
	}

	private static void attribute(StringBuilder out, String keyword, String value) {
		if (value != null) {
			out.append("\t\t\t").append(keyword).append(' ').append(value).append('\n');
		}
	}

	private static void condition(StringBuilder out, String keyword, Cond c) {
		if (c == null) {
			return;
		}
		out.append("\t\t\t").append(keyword).append(' ');
		switch (c.operator()) {
			case "between", "outside" -> out.append(c.operator()).append(' ').append(expr(c.low(), ADDITIVE))
					.append(" and ").append(expr(c.high(), ADDITIVE));
			default -> out.append(c.operator()).append(' ').append(expr(c.low(), ADDITIVE));
		}
		out.append('\n');
	}

	// ------------------------------------------------------------------ expressions

	private static final int IF = 0;
	private static final int OR = 1;
	private static final int AND = 2;
	private static final int NOT = 3;
	private static final int COMPARISON = 4;
	private static final int ADDITIVE = 5;
	private static final int MULTIPLICATIVE = 6;
	private static final int UNARY = 7;
	private static final int PRIMARY = 8;

	static String expr(Expr e) {
		return expr(e, IF);
	}

	/** The expression's text, in parentheses when it binds more loosely than {@code context} allows. */
	private static String expr(Expr e, int context) {
		int own = precedence(e);
		String text = text(e);
		return own < context ? "(" + text + ")" : text;
	}

	private static int precedence(Expr e) {
		if (e instanceof If) {
			return IF;
		}
		if (e instanceof Binary b) {
			return switch (b.operator()) {
				case "or" -> OR;
				case "and" -> AND;
				case "+", "-" -> ADDITIVE;
				case "*", "/" -> MULTIPLICATIVE;
				default -> COMPARISON;
			};
		}
		if (e instanceof Not) {
			return NOT;
		}
		if (e instanceof IsNull || e instanceof InList || e instanceof InPeriod) {
			return COMPARISON;
		}
		if (e instanceof Neg) {
			return UNARY;
		}
		if (e instanceof Num n && n.value().signum() < 0) {
			return UNARY;
		}
		return PRIMARY;
	}

	private static String text(Expr e) {
		if (e instanceof Agg a) {
			String arguments = a.arguments().stream().map(KpiWriter::expr).collect(Collectors.joining(", "));
			return a.function() + "(" + arguments + (a.filter() == null ? "" : " where " + expr(a.filter())) + ")";
		}
		if (e instanceof SourceRef s) {
			return s.source();
		}
		if (e instanceof FieldRef f) {
			return f.source() + "." + String.join(".", f.path());
		}
		if (e instanceof Num n) {
			return number(n);
		}
		if (e instanceof Str s) {
			return quote(s.value());
		}
		if (e instanceof EnumLit l) {
			return l.value();
		}
		if (e instanceof Binary b) {
			int own = precedence(b);
			boolean comparison = own == COMPARISON;
			String left = expr(b.left(), comparison ? own + 1 : own);
			String right = expr(b.right(), own + 1);
			return left + " " + b.operator() + " " + right;
		}
		if (e instanceof Not n) {
			return "not " + expr(n.operand(), NOT);
		}
		if (e instanceof Neg n) {
			return "-" + expr(n.operand(), UNARY);
		}
		if (e instanceof IsNull n) {
			return expr(n.value(), ADDITIVE) + (n.negated() ? " is not null" : " is null");
		}
		if (e instanceof InList in) {
			return expr(in.value(), ADDITIVE) + " in ("
					+ in.items().stream().map(KpiWriter::expr).collect(Collectors.joining(", ")) + ")";
		}
		if (e instanceof InPeriod in) {
			return expr(in.value(), ADDITIVE) + " in period";
		}
		if (e instanceof PeriodBound p) {
			return "period." + p.boundary();
		}
		if (e instanceof Scalar s) {
			return s.function() + "(" + expr(s.argument()) + ")";
		}
		if (e instanceof MetricRef m) {
			return m.metric();
		}
		if (e instanceof PeriodFn p) {
			return p.function() + "(" + p.metric() + (p.periods() > 0 ? ", " + p.periods() : "") + ")";
		}
		if (e instanceof If i) {
			return "if " + expr(i.condition()) + " then " + expr(i.then()) + " else " + expr(i.otherwise());
		}
		throw new IllegalArgumentException(String.valueOf(e));
	}

	private static String number(Num n) {
		String digits = n.value().toPlainString();
		if (n.unit() == null) {
			return digits;
		}
		if (n.unit().equals("%")) {
			return digits + "%";
		}
		return n.unit().equals(n.unit().toUpperCase(java.util.Locale.ROOT)) ? digits + " " + n.unit() : digits + n.unit();
	}

	// ------------------------------------------------------------------ text

	private static String labels(String zh, String en) {
		return " " + quote(zh) + "@zh " + quote(en) + "@en";
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String layerZh(String layer) {
		return switch (layer) {
			case SyntheticModel.STRATEGIC -> "战略层";
			case SyntheticModel.MANAGEMENT -> "管理层";
			default -> "执行层";
		};
	}

	private static String layerEn(String layer) {
		return switch (layer) {
			case SyntheticModel.STRATEGIC -> "Strategic";
			case SyntheticModel.MANAGEMENT -> "Management";
			default -> "Execution";
		};
	}
}
