package io.yardstick.dsl.generator.sql;

import io.yardstick.dsl.generator.sql.Sql.Aggregate;
import io.yardstick.dsl.generator.sql.Sql.Binary;
import io.yardstick.dsl.generator.sql.Sql.Bool;
import io.yardstick.dsl.generator.sql.Sql.Call;
import io.yardstick.dsl.generator.sql.Sql.Case;
import io.yardstick.dsl.generator.sql.Sql.Column;
import io.yardstick.dsl.generator.sql.Sql.Date;
import io.yardstick.dsl.generator.sql.Sql.Expr;
import io.yardstick.dsl.generator.sql.Sql.IsNull;
import io.yardstick.dsl.generator.sql.Sql.Item;
import io.yardstick.dsl.generator.sql.Sql.Join;
import io.yardstick.dsl.generator.sql.Sql.Not;
import io.yardstick.dsl.generator.sql.Sql.Null;
import io.yardstick.dsl.generator.sql.Sql.Relation;
import io.yardstick.dsl.generator.sql.Sql.Select;
import io.yardstick.dsl.generator.sql.Sql.Table;
import io.yardstick.dsl.generator.sql.Sql.Text;
import io.yardstick.dsl.generator.sql.Sql.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the query model in one dialect, one clause per line and one selected column per line, so that a
 * reviewer can read the SQL and a golden file shows each change on its own line.
 */
public final class SqlWriter {
	private final SqlDialect dialect;

	public SqlWriter(SqlDialect dialect) {
		this.dialect = dialect;
	}

	public String select(Select select) {
		StringBuilder sql = new StringBuilder();
		for (String comment : select.comments()) {
			sql.append(dialect.comment(comment)).append('\n');
		}
		sql.append(select.distinct() ? "SELECT DISTINCT\n" : "SELECT\n");
		List<Item> items = select.items();
		for (int i = 0; i < items.size(); i++) {
			sql.append("  ").append(expression(items.get(i).expression()));
			if (items.get(i).alias() != null) {
				sql.append(" AS ").append(dialect.quote(items.get(i).alias()));
			}
			sql.append(i + 1 < items.size() ? ",\n" : "\n");
		}
		sql.append("FROM ").append(relation(select.from(), "")).append(" AS ").append(dialect.quote(select.alias()))
				.append('\n');
		for (Join join : select.joins()) {
			sql.append(switch (join.kind()) {
				case LEFT -> "LEFT JOIN ";
				case INNER -> "JOIN ";
				case CROSS -> "CROSS JOIN ";
			}).append(relation(join.relation(), "  ")).append(" AS ").append(dialect.quote(join.alias()));
			if (join.relation() instanceof Values values) {
				sql.append(values.columns().stream().map(dialect::quote).collect(Collectors.joining(", ", "(", ")")));
			}
			if (join.on() != null) {
				sql.append(" ON ").append(expression(join.on()));
			}
			sql.append('\n');
		}
		if (select.where() != null) {
			sql.append("WHERE ").append(expression(select.where())).append('\n');
		}
		List<List<Expr>> sets = select.groupingSets();
		if (sets.size() == 1) {
			sql.append("GROUP BY ").append(list(sets.get(0))).append('\n');
		} else if (sets.size() > 1) {
			sql.append("GROUP BY GROUPING SETS (\n");
			for (int i = 0; i < sets.size(); i++) {
				sql.append("  (").append(list(sets.get(i))).append(i + 1 < sets.size() ? "),\n" : ")\n");
			}
			sql.append(")\n");
		}
		if (select.having() != null) {
			sql.append("HAVING ").append(expression(select.having())).append('\n');
		}
		if (select.limit() != null) {
			sql.append("LIMIT ").append(select.limit()).append('\n');
		}
		return sql.toString();
	}

	private String list(List<Expr> expressions) {
		List<String> rendered = new ArrayList<>();
		expressions.forEach(expression -> rendered.add(expression(expression)));
		return String.join(", ", rendered);
	}

	private String relation(Relation relation, String indent) {
		if (relation instanceof Table table) {
			return table.name().stream().map(dialect::quote).collect(Collectors.joining("."));
		}
		if (relation instanceof Sql.Subquery subquery) {
			String inner = select(subquery.select());
			return "(\n" + indent + "  " + inner.strip().replace("\n", "\n" + indent + "  ") + ")";
		}
		Values values = (Values) relation;
		StringBuilder rows = new StringBuilder("(VALUES");
		for (int r = 0; r < values.rows().size(); r++) {
			rows.append(r == 0 ? "\n" : ",\n").append(indent).append("  (").append(list(values.rows().get(r)))
					.append(')');
		}
		return rows.append(")").toString();
	}

	public String expression(Expr expr) {
		if (expr instanceof Column column) {
			return dialect.quote(column.relation()) + "." + dialect.quote(column.name());
		}
		if (expr instanceof Sql.Number number) {
			return dialect.number(number.value());
		}
		if (expr instanceof Sql.Integer integer) {
			return dialect.integer(integer.value());
		}
		if (expr instanceof Text text) {
			return dialect.string(text.value());
		}
		if (expr instanceof Bool bool) {
			return dialect.bool(bool.value());
		}
		if (expr instanceof Null) {
			return "NULL";
		}
		if (expr instanceof Date date) {
			return dialect.date(date.value());
		}
		if (expr instanceof Binary binary) {
			return "(" + expression(binary.left()) + " " + binary.operator() + " " + expression(binary.right()) + ")";
		}
		if (expr instanceof Not not) {
			return "(NOT " + expression(not.operand()) + ")";
		}
		if (expr instanceof IsNull test) {
			return "(" + expression(test.operand()) + (test.negated() ? " IS NOT NULL)" : " IS NULL)");
		}
		if (expr instanceof Case conditional) {
			return "CASE WHEN " + expression(conditional.condition()) + " THEN " + expression(conditional.then())
					+ " ELSE " + expression(conditional.otherwise()) + " END";
		}
		if (expr instanceof Sql.AllColumns all) {
			return dialect.quote(all.relation()) + ".*";
		}
		if (expr instanceof Sql.EarlierMax earlier) {
			return "max(" + expression(earlier.value()) + ") OVER (PARTITION BY " + expression(earlier.partition())
					+ " ORDER BY " + expression(earlier.order()) + " RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)";
		}
		if (expr instanceof Sql.Pick pick) {
			return dialect.pick(pick.values().stream().map(this::expression).toList(), expression(pick.index()));
		}
		if (expr instanceof Call call) {
			List<String> arguments = new ArrayList<>();
			call.arguments().forEach(argument -> arguments.add(expression(argument)));
			return dialect.call(call.function(), arguments);
		}
		Aggregate aggregate = (Aggregate) expr;
		return dialect.aggregate(aggregate.function(),
				aggregate.argument() == null ? null : expression(aggregate.argument()),
				aggregate.filter() == null ? null : expression(aggregate.filter()), aggregate.fraction());
	}
}
