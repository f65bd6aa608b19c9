package io.yardstick.runtime.spec;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a generated calculator knows of its template: sources, dimensions, layers, metrics (in order of
 * declaration), links and loops. The runtime reads data and reports results from this alone.
 *
 * @param timeAxes every field ({@code Source.field}) that buckets rows into periods: the sources' time axes
 *     and the metrics' {@code time} overrides; the periods of a run span their values
 * @param fieldsRead every field ({@code Source.field}) a formula reads, so that loading keeps it
 * @param fieldsUnread every text field ({@code Source.field}) that no formula, breakdown, filter or reference
 *     reads and that is no key: loading checks its cells (required, well formed) but keeps nothing of them.
 *     Empty unless the generator proved it, so a hand-made spec keeps every field
 * @param cohorts the declared cohort tables, assembled from the metrics' values after the run
 */
public record TemplateSpec(String qualifiedName, Map<String, String> labels, ZoneId zone,
		List<SourceSpec> sources, List<DimensionSpec> dimensions, List<LayerSpec> layers, List<MetricSpec> metrics,
		List<LinkSpec> links, List<LoopSpec> loops, List<String> timeAxes, List<String> fieldsRead,
		List<String> fieldsUnread, List<CohortSpec> cohorts) {
	/** A template without cohort tables: generated calculators name none unless the template declares one. */
	public TemplateSpec(String qualifiedName, Map<String, String> labels, ZoneId zone, List<SourceSpec> sources,
			List<DimensionSpec> dimensions, List<LayerSpec> layers, List<MetricSpec> metrics, List<LinkSpec> links,
			List<LoopSpec> loops, List<String> timeAxes, List<String> fieldsRead, List<String> fieldsUnread) {
		this(qualifiedName, labels, zone, sources, dimensions, layers, metrics, links, loops, timeAxes, fieldsRead,
				fieldsUnread, List.of());
	}

	/** A template whose text fields are all kept. */
	public TemplateSpec(String qualifiedName, Map<String, String> labels, ZoneId zone, List<SourceSpec> sources,
			List<DimensionSpec> dimensions, List<LayerSpec> layers, List<MetricSpec> metrics, List<LinkSpec> links,
			List<LoopSpec> loops, List<String> timeAxes, List<String> fieldsRead) {
		this(qualifiedName, labels, zone, sources, dimensions, layers, metrics, links, loops, timeAxes, fieldsRead,
				List.of());
	}

	/** A template whose time axes are its sources' own, and whose formulas read nothing beyond keys' needs. */
	public TemplateSpec(String qualifiedName, Map<String, String> labels, ZoneId zone, List<SourceSpec> sources,
			List<DimensionSpec> dimensions, List<LayerSpec> layers, List<MetricSpec> metrics, List<LinkSpec> links,
			List<LoopSpec> loops) {
		this(qualifiedName, labels, zone, sources, dimensions, layers, metrics, links, loops,
				sources.stream().flatMap(source -> source.timeAxis().stream().map(axis -> source.name() + "." + axis.name()))
						.toList(),
				List.of(), List.of());
	}

	public TemplateSpec {
		cohorts = List.copyOf(cohorts);
		timeAxes = List.copyOf(timeAxes);
		fieldsRead = List.copyOf(fieldsRead);
		fieldsUnread = List.copyOf(fieldsUnread);
		labels = Specs.copy(labels);
		sources = List.copyOf(sources);
		dimensions = List.copyOf(dimensions);
		layers = List.copyOf(layers);
		metrics = List.copyOf(metrics);
		links = List.copyOf(links);
		loops = List.copyOf(loops);
	}

	/** Whether a formula reads the field. */
	public boolean reads(String source, String field) {
		return fieldsRead.contains(source + "." + field);
	}

	/** Whether nothing reads the text field, so that loading need not keep it. */
	public boolean unread(String source, String field) {
		return fieldsUnread.contains(source + "." + field);
	}

	public String simpleName() {
		int dot = qualifiedName.lastIndexOf('.');
		return dot < 0 ? qualifiedName : qualifiedName.substring(dot + 1);
	}

	public Optional<SourceSpec> source(String name) {
		return sources.stream().filter(source -> source.name().equals(name)).findFirst();
	}

	public Optional<DimensionSpec> dimension(String name) {
		return dimensions.stream().filter(dimension -> dimension.name().equals(name)).findFirst();
	}

	public int metricIndex(String id) {
		for (int i = 0; i < metrics.size(); i++) {
			if (metrics.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}
}
