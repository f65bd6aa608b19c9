package io.yardstick.cli.sample;

import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.DateKind;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.MemberAccess;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.SourceExtension;
import io.yardstick.dsl.kpi.SymbolReference;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TimestampKind;
import io.yardstick.dsl.model.TemplateHierarchy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;

/**
 * Which time fields of a row must not come before which others, as the template's formulas say: a formula that
 * subtracts {@code Ticket.createdAt} from {@code Ticket.resolvedAt} measures a duration that is only plausible
 * when {@code resolvedAt >= createdAt}. Only subtractions order fields; a comparison such as
 * {@code completedAt <= dueAt} is what a metric counts, so both outcomes must occur and it orders nothing.
 */
final class TimeOrder {
	/** {@code later - earlier} in some formula: both fields of {@code source}, of kind timestamp or date. */
	record Later(String source, String later, String earlier) {
	}

	private TimeOrder() {
	}

	/** Every ordered pair the formulas of the template and of the templates it extends subtract, in their order. */
	static List<Later> of(Template template) {
		Set<Later> pairs = new LinkedHashSet<>();
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
				}
			}
		}
		return new ArrayList<>(pairs);
	}

	/** The field a {@code Source.field} expression reads when it is a timestamp or a date, else null. */
	private static Field timeField(Expression expression) {
		Field field = null;
		if (expression instanceof MemberAccess access && access.getReceiver() instanceof SymbolReference receiver
				&& receiver.getSymbol() instanceof Source) {
			field = access.getMember();
		} else if (expression instanceof SymbolReference reference && reference.getSymbol() instanceof Field direct) {
			field = direct;
		}
		if (field == null || field.eIsProxy()) {
			return null;
		}
		return field.getKind() instanceof TimestampKind || field.getKind() instanceof DateKind ? field : null;
	}

	private static String sourceName(Field field) {
		EObject container = field.eContainer();
		if (container instanceof SourceExtension extension) {
			return extension.getSource().getName();
		}
		return container instanceof Source source ? source.getName() : "";
	}
}
