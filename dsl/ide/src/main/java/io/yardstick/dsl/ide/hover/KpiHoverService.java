package io.yardstick.dsl.ide.hover;

import io.yardstick.dsl.ide.ModelDescriptions;
import io.yardstick.dsl.kpi.Condition;
import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.Direction;
import io.yardstick.dsl.model.Layers;
import io.yardstick.dsl.model.Sources;
import io.yardstick.dsl.model.TemplateHierarchy;
import io.yardstick.dsl.types.FunctionInfo;
import io.yardstick.dsl.types.Functions;
import io.yardstick.dsl.types.Kind;
import io.yardstick.dsl.types.KpiType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;

/**
 * Hover in markdown. On a metric, declared or referenced, everything a reviewer checks: labels in
 * every language, kind and unit, direction, formula, target and thresholds, layer, and the links
 * into and out of it. Sources, fields, dimensions and function calls get a shorter note.
 */
public class KpiHoverService extends HoverService {

	@Override
	protected MarkupContent getMarkupContent(HoverContext context) {
		String contents = getContents(context.getElement());
		// No hover at all rather than an empty box where there is nothing to say.
		return contents.isEmpty() ? null : toMarkupContent(getKind(context), contents);
	}

	@Override
	public String getContents(EObject element) {
		if (element instanceof Metric metric) {
			return metric(metric);
		}
		if (element instanceof Source || element instanceof Field || element instanceof Dimension
				|| element instanceof Template) {
			return named(element);
		}
		if (element instanceof FunctionCall call) {
			Optional<FunctionInfo> function = Functions.lookup(call.getFunction());
			return function.map(info -> "```\n" + info.signature() + "\n```\n\n" + info.summary()).orElse("");
		}
		return "";
	}

	private static String metric(Metric metric) {
		StringBuilder text = new StringBuilder();
		text.append("**metric `").append(metric.getName()).append("`** · layer `").append(Layers.layerName(metric))
				.append('`');
		OptionalInt level = Layers.levelOf(metric);
		if (level.isPresent()) {
			text.append(" (level ").append(level.getAsInt()).append(')');
		}
		Template template = ModelDescriptions.templateOf(metric);
		if (template != null) {
			text.append(" · template `").append(template.getName()).append('`');
		}
		text.append("\n\n");
		appendLabels(text, metric.getLabels());
		text.append("Kind: `").append(ModelDescriptions.kindText(metric)).append('`');
		unitOf(metric).ifPresent(unit -> text.append(", unit `").append(unit).append('`'));
		Direction.of(metric).ifPresent(direction -> text.append(", ").append(direction.keyword()));
		text.append("\n\n");
		if (metric.getFormula() != null) {
			text.append("```kpi\n= ").append(ModelDescriptions.fullText(metric.getFormula())).append("\n```\n\n");
		}
		appendCondition(text, "Target", metric.getTarget());
		appendCondition(text, "Warning", metric.getWarning());
		appendCondition(text, "Critical", metric.getCritical());
		if (metric.getDescription() != null) {
			// A paragraph of its own: the threshold lines above end in markdown line breaks.
			if (!text.toString().endsWith("\n\n")) {
				text.append('\n');
			}
			text.append(metric.getDescription()).append("\n\n");
		}
		if (template != null) {
			List<Link> links = TemplateHierarchy.links(template);
			appendLinks(text, "Driven by", links.stream().filter(link -> link.getTarget() == metric).toList(), true);
			appendLinks(text, "Drives", links.stream().filter(link -> link.getSource() == metric).toList(), false);
		}
		return text.toString().strip();
	}

	private static Optional<String> unitOf(Metric metric) {
		if (metric.getKind() == null) {
			return Optional.empty();
		}
		KpiType type = Sources.typeOf(metric.getKind());
		if (type.is(Kind.DURATION)) {
			return Optional.ofNullable(type.durationUnit());
		}
		if (type.is(Kind.CURRENCY)) {
			return Optional.ofNullable(type.currency());
		}
		return type.is(Kind.PERCENT) ? Optional.of("%") : Optional.empty();
	}

	private static void appendLabels(StringBuilder text, List<Label> labels) {
		for (String label : ModelDescriptions.labels(labels)) {
			text.append("- ").append(label).append('\n');
		}
		if (!labels.isEmpty()) {
			text.append('\n');
		}
	}

	private static void appendCondition(StringBuilder text, String role, Condition condition) {
		if (condition != null) {
			text.append(role).append(": `").append(ModelDescriptions.fullText(condition)).append("`  \n");
		}
	}

	private static void appendLinks(StringBuilder text, String heading, List<Link> links, boolean incoming) {
		if (links.isEmpty()) {
			return;
		}
		if (text.charAt(text.length() - 1) != '\n' || text.charAt(text.length() - 2) != '\n') {
			text.append('\n');
		}
		text.append(heading).append(":\n");
		for (Link link : links) {
			Metric other = incoming ? link.getSource() : link.getTarget();
			text.append("- `").append(other == null || other.eIsProxy() ? "?" : other.getName()).append("`: ")
					.append(ModelDescriptions.linkDetails(link));
			if (link.getRationale() != null) {
				text.append(" — ").append(link.getRationale());
			}
			text.append('\n');
		}
		text.append('\n');
	}

	private static String named(EObject element) {
		String name = String.valueOf(element.eGet(element.eClass().getEStructuralFeature("name")));
		StringBuilder text = new StringBuilder("**`").append(name).append("`** · ")
				.append(ModelDescriptions.summary(element)).append("\n\n");
		@SuppressWarnings("unchecked")
		List<Label> labels = (List<Label>) element.eGet(element.eClass().getEStructuralFeature("labels"));
		appendLabels(text, labels);
		if (element instanceof Field field && field.getDescription() != null) {
			text.append(field.getDescription()).append('\n');
		}
		return text.toString().strip();
	}
}
