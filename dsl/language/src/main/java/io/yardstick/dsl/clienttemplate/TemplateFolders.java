package io.yardstick.dsl.clienttemplate;

import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.model.ModelText;
import io.yardstick.dsl.services.KpiGrammarAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * The templates of one folder's files, as a client template can extend them: parsed together, described with
 * their labels, and with names for the new client file's skeleton taken from the template's real layers,
 * metrics and sources. Shared by the Eclipse wizard (which lists the bundled library and the workspace) and
 * {@code yardstick init}.
 */
public final class TemplateFolders {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;
	private static final String KPI_EXTENSION = "kpi";

	private TemplateFolders() {
	}

	/** The grammar's keywords that cannot be identifiers: all keywords but those ValidID admits (client, count...). */
	public static Set<String> reservedWords(KpiGrammarAccess grammar) {
		Set<String> words = new HashSet<>(GrammarUtil.getAllKeywords(grammar.getGrammar()));
		for (Keyword allowed : GrammarUtil.containedKeywords(grammar.getValidIDRule())) {
			words.remove(allowed.getValue());
		}
		return words;
	}

	/** Parses one folder's files together and describes its templates. */
	public static List<TemplateChoice> templatesOf(XtextResourceSet set, String folder, Map<String, byte[]> files,
			String origin, String project, boolean industryOnly) {
		List<Resource> resources = new ArrayList<>();
		files.forEach((name, bytes) -> {
			if (name.endsWith("." + KPI_EXTENSION)) {
				Resource resource = set.createResource(URI.createURI("catalog:/" + folder + "/" + name));
				try {
					resource.load(new ByteArrayInputStream(bytes), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
					resources.add(resource);
				} catch (IOException | RuntimeException e) {
					// Text that does not parse offers no templates.
				}
			}
		});
		List<Source> topLevelSources = new ArrayList<>();
		List<Template> templates = new ArrayList<>();
		Map<Template, String> packages = new LinkedHashMap<>();
		for (Resource resource : resources) {
			if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
				continue;
			}
			for (EObject element : model.getElements()) {
				if (element instanceof Template template && template.getName() != null) {
					templates.add(template);
					packages.put(template, model.getName());
				} else if (element instanceof Source source) {
					topLevelSources.add(source);
				}
			}
		}
		List<TemplateChoice> choices = new ArrayList<>();
		for (Template template : templates) {
			// Whether it extends something is in the text; resolving the name is not needed to know it.
			boolean extendsOther = !NodeModelUtils.findNodesForFeature(template, KPI.getTemplate_Parent()).isEmpty();
			if (industryOnly && extendsOther) {
				continue;
			}
			String pkg = packages.get(template);
			String qualified = pkg == null || pkg.isEmpty() ? template.getName() : pkg + "." + template.getName();
			choices.add(new TemplateChoice(qualified, label(template.getLabels(), "zh"), label(template.getLabels(), "en"),
					nullToEmpty(template.getIndustry()), nullToEmpty(template.getDescription()), origin, folder,
					Collections.unmodifiableMap(files), project, examples(template, topLevelSources)));
		}
		return choices;
	}

	/**
	 * A metric to exclude in the example, so that the uncommented example stays valid: from the
	 * bottom layer up, one that no other formula reads (by name, in the text, which needs no
	 * resolved links), preferring one that fewest loops pass through; those loops are excluded
	 * with it. Failing that, the bottom layer's last metric.
	 */
	private static Map.Entry<Metric, List<String>> excludable(Template template, List<Layer> layers, Metric overridden) {
		Map<String, List<String>> loopSteps = new LinkedHashMap<>();
		for (EObject member : template.getMembers()) {
			if (member instanceof Loop loop) {
				loopSteps.put(loop.getName(), NodeModelUtils.findNodesForFeature(loop, KPI.getLoop_Steps()).stream()
						.map(NodeModelUtils::getTokenText).toList());
			}
		}
		Map<Metric, String> formulas = new LinkedHashMap<>();
		layers.forEach(layer -> layer.getMetrics().forEach(metric -> formulas.put(metric, ModelText.full(metric.getFormula()))));
		Map.Entry<Metric, List<String>> best = null;
		for (int l = layers.size() - 1; l >= 0; l--) {
			List<Metric> metrics = layers.get(l).getMetrics();
			for (int m = metrics.size() - 1; m >= 0; m--) {
				Metric metric = metrics.get(m);
				// A name after a dot is a field (Ticket.followUps), not the metric.
				Pattern use = Pattern.compile("(?<![.\\w])" + Pattern.quote(metric.getName()) + "\\b");
				boolean read = formulas.entrySet().stream()
						.anyMatch(other -> other.getKey() != metric && use.matcher(other.getValue()).find());
				if (metric == overridden || read) {
					continue;
				}
				List<String> loops = loopSteps.entrySet().stream()
						.filter(loop -> loop.getValue().contains(metric.getName())).map(Map.Entry::getKey).toList();
				if (best == null || loops.size() < best.getValue().size()) {
					best = Map.entry(metric, loops);
				}
			}
		}
		if (best != null) {
			return best;
		}
		List<Metric> bottom = layers.get(layers.size() - 1).getMetrics();
		return Map.entry(bottom.get(bottom.size() - 1), List.of());
	}

	private static String label(List<Label> labels, String language) {
		return labels.stream().filter(label -> language.equals(label.getLanguage())).map(Label::getText).findFirst()
				.orElse("");
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	/**
	 * Names for the skeleton: a management metric to override (the layer clients most often tune),
	 * a metric that can be excluded on its own, the template's first source to extend.
	 */
	public static ClientTemplateWriter.Examples examples(Template template, List<Source> topLevelSources) {
		List<Layer> layers = template.getMembers().stream().filter(Layer.class::isInstance).map(Layer.class::cast)
				.filter(layer -> !layer.getMetrics().isEmpty()).toList();
		Source source = template.getMembers().stream().filter(Source.class::isInstance).map(Source.class::cast)
				.findFirst().orElse(topLevelSources.isEmpty() ? null : topLevelSources.get(0));
		if (layers.isEmpty() || source == null) {
			return ClientTemplateWriter.Examples.PLACEHOLDERS;
		}
		Layer overridden = layers.stream().filter(layer -> "management".equals(layer.getName())).findFirst()
				.orElse(layers.get(0));
		Metric metric = overridden.getMetrics().get(0);
		String kind = ModelText.full(metric.getKind())
				+ (metric.getDirection() == null ? "" : " " + metric.getDirection());
		String clause = metric.getTarget() != null
				? "target " + ModelText.full(metric.getTarget())
				: "owner \"the client's service manager\"";
		Map.Entry<Metric, List<String>> excluded = excludable(template, layers, metric);
		return new ClientTemplateWriter.Examples(overridden.getName(), metric.getName(), kind, clause,
				excluded.getKey().getName(), excluded.getValue(), source.getName());
	}
}
