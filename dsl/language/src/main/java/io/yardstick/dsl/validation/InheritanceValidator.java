package io.yardstick.dsl.validation;

import static io.yardstick.dsl.validation.IssueCodes.EXCLUSION_BREAKS_FORMULA;
import static io.yardstick.dsl.validation.IssueCodes.EXCLUSION_BREAKS_LOOP;
import static io.yardstick.dsl.validation.IssueCodes.EXCLUSION_CONFLICT;
import static io.yardstick.dsl.validation.IssueCodes.EXCLUSION_DROPS;
import static io.yardstick.dsl.validation.IssueCodes.OVERRIDE_KIND_CHANGED;
import static io.yardstick.dsl.validation.IssueCodes.OVERRIDE_UNKNOWN;
import static io.yardstick.dsl.validation.IssueCodes.OVERRIDE_UNMARKED;
import static io.yardstick.dsl.validation.IssueCodes.SOURCE_FIELD_CLASH;
import static io.yardstick.dsl.validation.IssueCodes.SOURCE_STRUCTURE;

import io.yardstick.dsl.kpi.Exclusion;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Page;
import io.yardstick.dsl.kpi.Report;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.SourceExtension;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.Tile;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.model.Overrides;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.FormulaAnalysis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/**
 * Rule 13: a template that extends another changes what it inherits only explicitly. An extension of an
 * inherited source adds fields without redeclaring one. A metric of
 * an inherited name must say {@code override}, may not change its kind or unit, and an exclusion
 * must not leave an inherited formula or loop naming what it removed. The links (and report tiles)
 * that go with an excluded metric are listed, so that nothing disappears unseen.
 */
public class InheritanceValidator extends AbstractKpiCheck {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;

	@Check
	public void checkOverride(Metric metric) {
		Template template = TemplateHierarchy.templateOf(metric);
		if (template == null || metric.getName() == null || !TemplateHierarchy.extendsCycle(template).isEmpty()) {
			return;
		}
		Template parent = template.getParent() == null || template.getParent().eIsProxy() ? null : template.getParent();
		Metric inherited = parent == null ? null : TemplateHierarchy.metric(parent, metric.getName());
		if (!metric.isOverride()) {
			if (inherited != null) {
				error(message(metric, "override-unmarked", metric.getName(),
						TemplateHierarchy.templateOf(inherited).getName()),
						metric, KPI.getSymbol_Name(), OVERRIDE_UNMARKED, metric.getName());
			}
			return;
		}
		if (inherited == null) {
			String why = parent == null ? message(metric, "override-unknown.noParent", template.getName())
					: TemplateHierarchy.excludedMetricNames(parent).contains(metric.getName())
							? message(metric, "override-unknown.excluded", parent.getName())
							: message(metric, "override-unknown.missing", parent.getName());
			error(message(metric, "override-unknown", metric.getName(), why), metric, KPI.getMetric_Override(),
					OVERRIDE_UNKNOWN);
			return;
		}
		checkKindKept(metric, inherited);
	}

	private void checkKindKept(Metric metric, Metric inherited) {
		if (metric.getKind() == null || inherited.getKind() == null) {
			return;
		}
		String declared = ModelText.full(metric.getKind());
		String original = ModelText.full(inherited.getKind());
		if (declared.equals(original)) {
			return;
		}
		String key = metric.getKind().eClass() == inherited.getKind().eClass() ? "override-kind-changed.unit"
				: "override-kind-changed.kind";
		error(message(metric, key, metric.getName(), original, declared),
				metric, KPI.getMetric_Kind(), OVERRIDE_KIND_CHANGED, original);
	}

	/**
	 * An extension adds fields to an inherited source; a name the source (or an earlier extension)
	 * already has would make {@code Source.field} mean two things, so it is a clash, not an override.
	 */
	@Check
	public void checkSourceExtension(SourceExtension extension) {
		Template template = TemplateHierarchy.templateOf(extension);
		Source source = extension.getSource();
		if (template == null || source == null || source.eIsProxy()) {
			return;
		}
		if (TemplateHierarchy.templateOf(source) == template) {
			error(message(extension, "source-structure.extendsOwn", source.getName()), extension,
					KPI.getSourceExtension_Source(), SOURCE_STRUCTURE);
			return;
		}
		Map<String, Field> taken = new HashMap<>();
		for (Field field : Sources.fields(source, template)) {
			if (field.eContainer() == extension) {
				break;
			}
			taken.putIfAbsent(field.getName(), field);
		}
		for (Field field : extension.getFields()) {
			Field earlier = taken.putIfAbsent(field.getName(), field);
			if (earlier != null) {
				EObject owner = earlier.eContainer();
				String where = owner instanceof SourceExtension other && other != extension
						? message(field, "source-field-clash.otherExtension", TemplateHierarchy.templateOf(other).getName())
						: owner == extension ? message(field, "source-field-clash.thisExtension")
								: TemplateHierarchy.templateOf(source) == null
										? message(field, "source-field-clash.source", source.getName())
										: TemplateHierarchy.templateOf(source).getName();
				error(message(field, "source-field-clash", field.getName(), source.getName(), earlier.getName(),
						Sources.typeOf(earlier).describe(), where), field,
						KPI.getSymbol_Name(), SOURCE_FIELD_CLASH);
			}
			if (field.isKey() || field.isTimeAxis()) {
				error(message(field, field.isKey() ? "source-structure.extensionKey" : "source-structure.extensionTime",
						source.getName()),
						field, field.isKey() ? KPI.getField_Key() : KPI.getField_TimeAxis(), SOURCE_STRUCTURE);
			}
		}
	}

	@Check
	public void checkExclusion(Exclusion exclusion) {
		Template template = TemplateHierarchy.templateOf(exclusion);
		Metric excluded = exclusion.getMetric();
		if (template == null || excluded == null || excluded.eIsProxy() || excluded.getName() == null) {
			return;
		}
		String name = excluded.getName();
		for (Metric own : TemplateHierarchy.ownMetrics(template)) {
			if (name.equals(own.getName())) {
				error(message(exclusion, "exclusion-conflict", name, template.getName()), exclusion,
						KPI.getExclusion_Metric(),
						EXCLUSION_CONFLICT);
				return;
			}
		}
		checkFormulas(template, exclusion, name);
		checkLoops(template, exclusion, name);
		reportDropped(template, exclusion, name);
	}

	/** An inherited formula that reads the excluded metric could no longer be computed. */
	private void checkFormulas(Template template, Exclusion exclusion, String name) {
		for (Metric metric : TemplateHierarchy.metrics(template)) {
			FormulaAnalysis analysis = analyses().of(metric);
			List<Metric> read = new ArrayList<>(analysis.referencedMetrics());
			read.addAll(analysis.laggedMetrics());
			if (read.stream().anyMatch(referenced -> name.equals(referenced.getName()))) {
				error(message(exclusion, "exclusion-breaks-formula", name, metric.getName()),
						exclusion, KPI.getExclusion_Metric(), EXCLUSION_BREAKS_FORMULA, metric.getName());
			}
		}
	}

	/** A loop is a chain: without one of its metrics it is no loop, so it is excluded explicitly or not at all. */
	private void checkLoops(Template template, Exclusion exclusion, String name) {
		for (Loop loop : TemplateHierarchy.loops(template)) {
			if (loop.getSteps().stream().anyMatch(step -> step != null && name.equals(step.getName()))) {
				error(message(exclusion, "exclusion-breaks-loop", name, loop.getName(),
						String.join(" -> ", loop.getSteps().stream().map(Metric::getName).toList())), exclusion,
						KPI.getExclusion_Metric(), EXCLUSION_BREAKS_LOOP, loop.getName());
			}
		}
	}

	private void reportDropped(Template template, Exclusion exclusion, String name) {
		Set<String> dropped = new LinkedHashSet<>();
		for (Link link : TemplateHierarchy.declaredLinks(template)) {
			if (link.getSource() != null && link.getTarget() != null
					&& (name.equals(link.getSource().getName()) || name.equals(link.getTarget().getName()))) {
				dropped.add(message(exclusion, "exclusion-drops.link", link.getSource().getName(),
						link.getTarget().getName()));
			}
		}
		for (Report report : TemplateHierarchy.reports(template)) {
			for (Page page : report.getPages()) {
				for (Tile tile : page.getTiles()) {
					if (tile.getMetric() != null && name.equals(tile.getMetric().getName())) {
						dropped.add(message(exclusion, "exclusion-drops.tile", report.getName(), page.getName()));
					}
				}
			}
		}
		if (!dropped.isEmpty()) {
			info(message(exclusion, "exclusion-drops", name, String.join(message(exclusion, "separator"), dropped)),
					exclusion,
					KPI.getExclusion_Metric(), EXCLUSION_DROPS);
		}
	}
}
