package io.yardstick.dsl.validation;

import io.yardstick.dsl.model.Overrides;
import static io.yardstick.dsl.validation.IssueCodes.CORE_LIMIT_EXCEEDED;
import static io.yardstick.dsl.validation.IssueCodes.EMPTY_FILE;
import static io.yardstick.dsl.validation.IssueCodes.INVALID_SETTING;
import static io.yardstick.dsl.validation.IssueCodes.NUMBER_OUT_OF_RANGE;
import static io.yardstick.dsl.validation.IssueCodes.SOURCE_STRUCTURE;
import static io.yardstick.dsl.validation.IssueCodes.STRATEGIC_UNDOCUMENTED;
import static io.yardstick.dsl.validation.IssueCodes.UNKNOWN_LAYER_LEVEL;
import static io.yardstick.dsl.validation.IssueCodes.ZONE_SPELLING;

import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.NumberLiteral;
import io.yardstick.dsl.kpi.ScoreKind;
import io.yardstick.dsl.model.Layers;
import io.yardstick.dsl.model.Limits;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.Kind;
import io.yardstick.dsl.types.KpiType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * Template settings, the shape of sources and layers, rule 8 (fewer but precise) and rule 11
 * (strategic metrics carry a label and a description).
 */
public class TemplateValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	/** Core metrics per layer when a template sets no core-limit and no host changed the default. */
	public static final int DEFAULT_CORE_LIMIT = ValidationSettings.DEFAULT_CORE_LIMIT;

	// ------------------------------------------------------------------ settings

	@Check
	public void checkNotEmpty(Model model) {
		if (model.getName() == null && model.getImports().isEmpty() && model.getElements().isEmpty()) {
			warning(message(model, EMPTY_FILE), model, null, EMPTY_FILE);
		}
	}

	@Check
	public void checkSettings(Template template) {
		String zone = template.getTimezone();
		if (zone != null) {
			try {
				checkZoneSpelling(template, ZoneId.of(zone));
			} catch (DateTimeException e) {
				error(message(template, INVALID_SETTING + ".zone", zone), template, KPI.getTemplate_Timezone(),
						INVALID_SETTING);
			}
		}
		BigDecimal limit = template.getCoreLimit();
		if (limit != null && (!isWholeNumber(limit) || limit.signum() <= 0)) {
			error(message(template, INVALID_SETTING + ".coreLimit", ModelText.number(limit)), template,
					KPI.getTemplate_CoreLimit(), INVALID_SETTING);
		} else if (limit != null && tooLarge(limit)) {
			error(message(template, "number-out-of-range.coreLimit", ModelText.number(limit), Limits.MAX_COUNT_SETTING),
					template, KPI.getTemplate_CoreLimit(), NUMBER_OUT_OF_RANGE);
		}
	}

	/**
	 * Old aliases of IANA zones that consultants meet, with the name of the place they stand for; an alias not
	 * here is warned about without a replacement.
	 */
	private static final Map<String, String> ZONE_ALIASES = Map.ofEntries(
			Map.entry("PRC", "Asia/Shanghai"), Map.entry("ROC", "Asia/Taipei"),
			Map.entry("Hongkong", "Asia/Hong_Kong"), Map.entry("Singapore", "Asia/Singapore"),
			Map.entry("Japan", "Asia/Tokyo"), Map.entry("ROK", "Asia/Seoul"),
			Map.entry("GMT", "UTC"), Map.entry("UCT", "UTC"), Map.entry("Universal", "UTC"),
			Map.entry("Zulu", "UTC"), Map.entry("Greenwich", "UTC"), Map.entry("Z", "UTC"));

	/**
	 * IANA names of places, {@code UTC} and offsets written {@code +08:00} mean the same on every engine; other
	 * spellings Java accepts do not (PostgreSQL reads {@code UTC+8} as 8 hours west), so they are warned about.
	 */
	private void checkZoneSpelling(Template template, ZoneId zone) {
		String id = template.getTimezone();
		if (id.equals("UTC") || id.contains("/") || id.matches("[+-]\\d{2}:\\d{2}")) {
			return;
		}
		String instead;
		String why;
		if (zone.normalized() instanceof ZoneOffset offset && !ZONE_ALIASES.containsKey(id)) {
			instead = offset.getTotalSeconds() == 0 ? "UTC" : offset.getId();
			why = message(template, "zone-spelling.offset");
		} else {
			instead = ZONE_ALIASES.get(id);
			why = message(template, "zone-spelling.alias");
		}
		warning(message(template, "zone-spelling", id, why,
				instead == null ? message(template, "zone-spelling.place") : "\"" + instead + "\""),
				template, KPI.getTemplate_Timezone(), ZONE_SPELLING,
						instead == null ? new String[0] : new String[] { instead });
	}

	@Check
	public void checkLag(Link link) {
		BigDecimal lag = link.getLag();
		if (lag != null && (!isWholeNumber(lag) || lag.signum() <= 0)) {
			error(message(link, INVALID_SETTING + ".lag", ModelText.number(lag)), link, KPI.getLink_Lag(), INVALID_SETTING);
		} else if (lag != null && tooLarge(lag)) {
			error(message(link, "number-out-of-range.lag", ModelText.number(lag), Limits.MAX_COUNT_SETTING),
					link, KPI.getLink_Lag(), NUMBER_OUT_OF_RANGE);
		}
	}

	/** Numbers in formulas, targets and thresholds become doubles in the calculator: they must fit one exactly. */
	@Check
	public void checkNumber(NumberLiteral literal) {
		BigDecimal value = literal.getValue();
		if (value == null) {
			return;
		}
		if (value.abs().compareTo(Limits.MAX_NUMBER) > 0) {
			error(message(literal, "number-out-of-range.number", ModelText.number(value)),
					literal, KPI.getNumberLiteral_Value(), NUMBER_OUT_OF_RANGE);
		} else if (value.stripTrailingZeros().precision() > Limits.MAX_SIGNIFICANT_DIGITS) {
			error(message(literal, "number-out-of-range.digits", ModelText.number(value),
					Limits.MAX_SIGNIFICANT_DIGITS), literal, KPI.getNumberLiteral_Value(),
					NUMBER_OUT_OF_RANGE);
		}
	}

	@Check
	public void checkScoreRange(ScoreKind score) {
		for (BigDecimal bound : java.util.Arrays.asList(score.getMin(), score.getMax())) {
			if (bound != null && bound.abs().compareTo(Limits.MAX_NUMBER) > 0) {
				error(message(score, "number-out-of-range.scoreBound", ModelText.number(bound)),
						score, null, NUMBER_OUT_OF_RANGE);
				return;
			}
		}
	}

	private static boolean tooLarge(BigDecimal whole) {
		return whole.abs().compareTo(BigDecimal.valueOf(Limits.MAX_COUNT_SETTING)) > 0;
	}

	/** The core-limit in force: the template's own, else the nearest ancestor's, else the default. */
	public static int coreLimit(Template template) {
		return coreLimit(template, DEFAULT_CORE_LIMIT);
	}

	/** The core-limit in force: the template's own, else the nearest ancestor's, else the given default. */
	public static int coreLimit(Template template, int defaultLimit) {
		for (Template t : TemplateHierarchy.lineage(template)) {
			BigDecimal limit = t.getCoreLimit();
			if (limit != null && isWholeNumber(limit) && limit.signum() > 0 && !tooLarge(limit)) {
				return limit.intValueExact();
			}
		}
		return defaultLimit;
	}

	private static boolean isWholeNumber(BigDecimal value) {
		return value.stripTrailingZeros().scale() <= 0;
	}

	// ------------------------------------------------------------------ sources

	@Check
	public void checkSource(Source source) {
		List<Field> keys = Sources.keys(source);
		for (Field extra : keys.subList(Math.min(1, keys.size()), keys.size())) {
			error(message(extra, "source-structure.secondKey", source.getName(), extra.getName()), extra,
					KPI.getField_Key(), SOURCE_STRUCTURE);
		}
		List<Field> axes = source.getFields().stream().filter(Field::isTimeAxis).toList();
		for (Field extra : axes.subList(Math.min(1, axes.size()), axes.size())) {
			error(message(extra, "source-structure.secondTime", source.getName(), extra.getName()), extra,
					KPI.getField_TimeAxis(), SOURCE_STRUCTURE);
		}
	}

	@Check
	public void checkField(Field field) {
		KpiType type = Sources.typeOf(field);
		if (field.isKey() && field.isOptional()) {
			error(message(field, "source-structure.optionalKey", field.getName()), field,
					KPI.getField_Optional(), SOURCE_STRUCTURE);
		}
		if (field.isTimeAxis() && !type.kind().isTemporal() && !type.kind().isWildcard()) {
			error(message(field, "source-structure.timeKind", field.getName(), type.describe()), field,
					KPI.getField_TimeAxis(), SOURCE_STRUCTURE);
		}
		boolean categorical = type.is(Kind.TEXT) || type.is(Kind.ENUM) || type.is(Kind.BOOL) || type.is(Kind.DATE)
				|| field.getReference() != null || type.kind().isWildcard();
		if (field.isDimension() && !categorical) {
			error(message(field, "source-structure.dimensionKind", field.getName(), type.describe()), field,
					KPI.getField_Dimension(), SOURCE_STRUCTURE);
		}
		Source target = field.getReference();
		if (target != null && !target.eIsProxy() && Sources.key(target).isEmpty()) {
			error(message(field, "source-structure.referenceNoKey", field.getName(), target.getName()), field,
					KPI.getField_Reference(), SOURCE_STRUCTURE);
		}
	}

	// ------------------------------------------------------------------ layers

	@Check
	public void checkLayerLevel(Layer layer) {
		BigDecimal level = layer.getLevel();
		if (level != null && !isWholeNumber(level)) {
			error(message(layer, INVALID_SETTING + ".level", ModelText.number(level)), layer, KPI.getLayer_Level(),
					INVALID_SETTING);
		} else if (level != null && tooLarge(level)) {
			error(message(layer, "number-out-of-range.level", ModelText.number(level),
					Limits.MAX_COUNT_SETTING), layer, KPI.getLayer_Level(), NUMBER_OUT_OF_RANGE);
		} else if (level == null && Layers.levelOf(layer).isEmpty()) {
			error(message(layer, UNKNOWN_LAYER_LEVEL, layer.getName()), layer, KPI.getLayer_Name(), UNKNOWN_LAYER_LEVEL);
		}
	}

	/** Rule 8: a layer should hold few core metrics; {@code supporting} ones do not count. */
	@Check
	public void checkCoreLimit(Layer layer) {
		Template template = TemplateHierarchy.templateOf(layer);
		if (template == null) {
			return;
		}
		List<Metric> core = layer.getMetrics().stream().filter(metric -> !Overrides.supporting(metric)).toList();
		int limit = coreLimit(template, settings(layer).defaultCoreLimit());
		if (core.size() > limit) {
			String names = core.stream().map(Metric::getName).collect(Collectors.joining(", "));
			warning(message(layer, CORE_LIMIT_EXCEEDED, layer.getName(), core.size(), limit, names), layer,
					KPI.getLayer_Name(), CORE_LIMIT_EXCEEDED);
		}
	}

	/** Rule 11: strategic metrics are what a client reads first; they carry a label and a description. */
	@Check
	public void checkStrategicDocumented(Metric metric) {
		Template template = TemplateHierarchy.templateOf(metric);
		if (template == null || !analyses().layerLevels(template).isStrategic(metric)) {
			return;
		}
		// An override that keeps the inherited label and description is documented by them.
		boolean noLabel = Overrides.labels(metric).isEmpty();
		String description = Overrides.description(metric);
		boolean noDescription = description == null || description.isBlank();
		if (noLabel || noDescription) {
			String missing = noLabel && noDescription ? ".both" : noLabel ? ".label" : ".description";
			warning(message(metric, STRATEGIC_UNDOCUMENTED + missing, metric.getName()), metric, KPI.getSymbol_Name(),
					STRATEGIC_UNDOCUMENTED);
		}
	}
}
