package io.yardstick.cli.sample;

import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.DateKind;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.InExpression;
import io.yardstick.dsl.kpi.MemberAccess;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.SourceExtension;
import io.yardstick.dsl.kpi.StringLiteral;
import io.yardstick.dsl.kpi.SymbolReference;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TextKind;
import io.yardstick.dsl.kpi.TimestampKind;
import io.yardstick.dsl.model.TemplateHierarchy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;

/**
 * What the template's formulas say about plausible values, beyond the fields' declarations.
 *
 * <p>Which time fields of a row must not come before which others: a formula that subtracts
 * {@code Ticket.createdAt} from {@code Ticket.resolvedAt} measures a duration that is only plausible when
 * {@code resolvedAt >= createdAt}. Only subtractions order fields; a comparison such as
 * {@code completedAt <= dueAt} is what a metric counts, so both outcomes must occur and it orders nothing.
 *
 * <p>Which texts a text field is compared with ({@code Ticket.channel = "phone"}, {@code Ticket.channel in
 * ("phone", "chat")}): values drawn from elsewhere would never match, and the metric would be empty.
 *
 * @param order every {@code later - earlier} pair the formulas subtract, in the order they appear
 * @param texts per {@code Source.field}, the texts the formulas compare it with, in the order they appear
 */
record FormulaHints(List<Later> order, Map<String, List<String>> texts) {
	/** {@code later - earlier} in some formula: both fields of {@code source}, of kind timestamp or date. */
	record Later(String source, String later, String earlier) {
	}

	FormulaHints {
		order = List.copyOf(order);
		texts = Map.copyOf(texts);
	}

	/** The hints of the formulas of the template and of the templates it extends. */
	static FormulaHints of(Template template) {
		Set<Later> pairs = new LinkedHashSet<>();
		Map<String, Set<String>> compared = new LinkedHashMap<>();
		for (Template ancestor : TemplateHierarchy.lineage(template)) {
			for (var contents = ancestor.eAllContents(); contents.hasNext();) {
				EObject object = contents.next();
				if (object instanceof BinaryExpression binary && "-".equals(binary.getOperator())) {
					Field later = timeField(binary.getLeft());
					Field earlier = timeField(binary.getRight());
					if (later != null && earlier != null && later != earlier
							&& sourceName(later).equals(sourceName(earlier))) {
						pairs.add(new Later(sourceName(later), later.getName(), earlier.getName()));
					}
				} else if (object instanceof BinaryExpression binary
						&& ("=".equals(binary.getOperator()) || "!=".equals(binary.getOperator()))) {
					compare(binary.getLeft(), binary.getRight(), compared);
					compare(binary.getRight(), binary.getLeft(), compared);
				} else if (object instanceof InExpression in && !in.isInPeriod()) {
					in.getItems().forEach(item -> compare(in.getValue(), item, compared));
				}
			}
		}
		Map<String, List<String>> texts = new LinkedHashMap<>();
		compared.forEach((field, values) -> texts.put(field, List.copyOf(values)));
		return new FormulaHints(new ArrayList<>(pairs), texts);
	}

	private static void compare(Expression field, Expression text, Map<String, Set<String>> compared) {
		Field read = field instanceof MemberAccess access ? access.getMember() : field(field);
		if (read != null && !read.eIsProxy() && read.getKind() instanceof TextKind && text instanceof StringLiteral literal
				&& literal.getValue() != null) {
			compared.computeIfAbsent(sourceName(read) + "." + read.getName(), k -> new LinkedHashSet<>())
					.add(literal.getValue());
		}
	}

	/** The field a {@code Source.field} expression reads when it is a timestamp or a date, else null. */
	private static Field timeField(Expression expression) {
		Field field = field(expression);
		return field != null && (field.getKind() instanceof TimestampKind || field.getKind() instanceof DateKind) ? field
				: null;
	}

	/** The field a {@code Source.field} expression reads, or null for any other expression. */
	private static Field field(Expression expression) {
		Field field = null;
		if (expression instanceof MemberAccess access && access.getReceiver() instanceof SymbolReference receiver
				&& receiver.getSymbol() instanceof Source) {
			field = access.getMember();
		} else if (expression instanceof SymbolReference reference && reference.getSymbol() instanceof Field direct) {
			field = direct;
		}
		return field == null || field.eIsProxy() ? null : field;
	}

	private static String sourceName(Field field) {
		EObject container = field.eContainer();
		if (container instanceof SourceExtension extension) {
			return extension.getSource().getName();
		}
		return container instanceof Source source ? source.getName() : "";
	}
}
