package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.DIMENSION_VALUE_DUPLICATE;
import static io.yardstick.dsl.validation.IssueCodes.DIMENSION_VALUE_UNKNOWN;
import static io.yardstick.dsl.validation.IssueCodes.DIMENSION_VALUE_UNTRANSLATED;

import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.DimensionValue;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.EnumValue;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FieldPath;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.model.FieldPaths;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.xtext.validation.Check;

/**
 * The labels of a breakdown's values ({@code value "华东" "East China"@en} in a {@code dimension}): each value
 * labelled once, a value of an enum only one the enum has, and every value labelled in each language that
 * some value of the dimension is labelled in, since a report in that language would show the others as they
 * are written.
 */
public class DimensionValueValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Check
	public void checkValues(Dimension dimension) {
		List<DimensionValue> values = dimension.getValues();
		if (values.isEmpty()) {
			return;
		}
		Map<String, DimensionValue> seen = new HashMap<>();
		Set<String> enumValues = enumValues(dimension);
		Set<String> languages = new TreeSet<>();
		for (DimensionValue value : values) {
			value.getLabels().stream().map(Label::getLanguage).filter(Objects::nonNull).forEach(languages::add);
		}
		for (DimensionValue value : values) {
			if (value.getValue() == null) {
				continue; // a syntax error, reported by the parser
			}
			DimensionValue first = seen.putIfAbsent(value.getValue(), value);
			if (first != null) {
				error(message(value, DIMENSION_VALUE_DUPLICATE, value.getValue(), dimension.getName(), lineOf(first)), value,
						KPI.getDimensionValue_Value(), DIMENSION_VALUE_DUPLICATE);
				continue;
			}
			if (enumValues != null && !enumValues.contains(value.getValue())) {
				warning(message(value, DIMENSION_VALUE_UNKNOWN, value.getValue(), dimension.getName(),
						String.join(", ", enumValues)), value, KPI.getDimensionValue_Value(), DIMENSION_VALUE_UNKNOWN);
				continue;
			}
			Set<String> own = value.getLabels().stream().map(Label::getLanguage).filter(Objects::nonNull)
					.collect(Collectors.toSet());
			boolean untagged = value.getLabels().stream().anyMatch(label -> label.getLanguage() == null);
			List<String> missing = languages.stream().filter(language -> !own.contains(language)).toList();
			if (!untagged && !missing.isEmpty()) {
				info(message(value, DIMENSION_VALUE_UNTRANSLATED, value.getValue(),
						missing.stream().map(language -> "@" + language).collect(Collectors.joining(", ")),
						dimension.getName()), value, KPI.getDimensionValue_Value(), DIMENSION_VALUE_UNTRANSLATED);
			}
		}
	}

	/**
	 * The values of the enum the dimension maps onto, in declaration order; null when a mapping ends in a field
	 * of another kind (or does not resolve), so that any value may occur.
	 */
	private static Set<String> enumValues(Dimension dimension) {
		Set<String> values = null;
		for (FieldPath mapping : dimension.getMappings()) {
			Field last = FieldPaths.lastField(mapping);
			if (last == null || last.eIsProxy() || !(last.getKind() instanceof EnumKind kind)) {
				return null;
			}
			Set<String> names = kind.getValues().stream().map(EnumValue::getName)
					.collect(Collectors.toCollection(LinkedHashSet::new));
			if (values == null) {
				values = names;
			} else {
				values.addAll(names);
			}
		}
		return values;
	}
}
