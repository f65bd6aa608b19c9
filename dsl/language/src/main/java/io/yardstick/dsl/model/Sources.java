package io.yardstick.dsl.model;

import io.yardstick.dsl.kpi.BoolKind;
import io.yardstick.dsl.kpi.CountKind;
import io.yardstick.dsl.kpi.CurrencyKind;
import io.yardstick.dsl.kpi.DateKind;
import io.yardstick.dsl.kpi.DurationKind;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.Kind;
import io.yardstick.dsl.kpi.NumberKind;
import io.yardstick.dsl.kpi.PercentKind;
import io.yardstick.dsl.kpi.RatioKind;
import io.yardstick.dsl.kpi.ScoreKind;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.SourceExtension;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TextKind;
import io.yardstick.dsl.kpi.TimestampKind;
import io.yardstick.dsl.types.KpiType;
import java.util.List;
import java.util.Optional;
import org.eclipse.xtext.EcoreUtil2;

/** Facts about sources and fields: keys, time axes, what type a field has. */
public final class Sources {
	private Sources() {
	}

	/** The source a field belongs to; for a field an {@code extend source} adds, the source it extends. */
	public static Source sourceOf(Field field) {
		if (field != null && field.eContainer() instanceof SourceExtension extension) {
			Source extended = extension.getSource();
			return extended == null || extended.eIsProxy() ? null : extended;
		}
		return EcoreUtil2.getContainerOfType(field, Source.class);
	}

	/**
	 * The source's fields as a template sees them: its own, then those that {@code extend source}
	 * declarations in the template and its ancestors add, farthest first.
	 */
	public static List<Field> fields(Source source, Template template) {
		List<SourceExtension> extensions = extensions(source, template);
		if (extensions.isEmpty()) {
			return source.getFields();
		}
		List<Field> fields = new java.util.ArrayList<>(source.getFields());
		for (SourceExtension extension : extensions) {
			fields.addAll(extension.getFields());
		}
		return fields;
	}

	/** The extensions of the source in the template's lineage, farthest ancestor first. */
	public static List<SourceExtension> extensions(Source source, Template template) {
		if (source == null || template == null) {
			return List.of();
		}
		List<SourceExtension> extensions = new java.util.ArrayList<>();
		List<Template> lineage = TemplateHierarchy.lineage(template);
		for (int i = lineage.size() - 1; i >= 0; i--) {
			for (SourceExtension extension : TemplateHierarchy.members(lineage.get(i), SourceExtension.class)) {
				if (extension.getSource() == source) {
					extensions.add(extension);
				}
			}
		}
		return extensions;
	}

	public static List<Field> keys(Source source) {
		return source.getFields().stream().filter(Field::isKey).toList();
	}

	public static Optional<Field> key(Source source) {
		return source.getFields().stream().filter(Field::isKey).findFirst();
	}

	public static Optional<Field> timeAxis(Source source) {
		return source.getFields().stream().filter(Field::isTimeAxis).findFirst();
	}

	/** A reference field is typed by the key of the source it references; a broken one is UNKNOWN. */
	public static KpiType typeOf(Field field) {
		if (field.getKind() != null) {
			return typeOf(field.getKind());
		}
		Source target = field.getReference();
		if (target == null || target.eIsProxy()) {
			return KpiType.UNKNOWN;
		}
		return key(target).filter(key -> key.getKind() != null).map(key -> typeOf(key.getKind()))
				.orElse(KpiType.TEXT);
	}

	public static KpiType typeOf(Kind kind) {
		if (kind instanceof CountKind) {
			return KpiType.COUNT;
		} else if (kind instanceof NumberKind) {
			return KpiType.NUMBER;
		} else if (kind instanceof PercentKind) {
			return KpiType.PERCENT;
		} else if (kind instanceof RatioKind) {
			return KpiType.RATIO;
		} else if (kind instanceof ScoreKind score) {
			return KpiType.score(score.getMin(), score.getMax());
		} else if (kind instanceof DurationKind duration) {
			return KpiType.duration(duration.getUnit());
		} else if (kind instanceof CurrencyKind currency) {
			return KpiType.currency(currency.getCode());
		} else if (kind instanceof TimestampKind) {
			return KpiType.TIMESTAMP;
		} else if (kind instanceof DateKind) {
			return KpiType.DATE;
		} else if (kind instanceof TextKind) {
			return KpiType.TEXT;
		} else if (kind instanceof BoolKind) {
			return KpiType.BOOL;
		} else if (kind instanceof EnumKind enumKind) {
			return KpiType.enumeration(enumKind);
		}
		return KpiType.UNKNOWN;
	}
}
