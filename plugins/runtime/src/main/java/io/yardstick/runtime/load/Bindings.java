package io.yardstick.runtime.load;

import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which file holds which source: {@code <data-dir>/<Source>.csv} (or .xlsx, .parquet) by convention, or bound explicitly. */
public final class Bindings {
	private Bindings() {
	}

	/**
	 * Every source of the template to {@code dataDir/<Source>.csv}, in declaration order; to
	 * {@code <Source>.xlsx} or {@code <Source>.parquet} instead when there is no CSV file but one of those.
	 */
	public static Map<String, Path> byConvention(Path dataDir, TemplateSpec template) {
		Map<String, Path> bindings = new LinkedHashMap<>();
		for (SourceSpec source : template.sources()) {
			Path file = dataDir.resolve(source.name() + ".csv");
			for (String other : List.of(".xlsx", ".parquet")) {
				Path instead = dataDir.resolve(source.name() + other);
				if (!Files.exists(file) && Files.isRegularFile(instead)) {
					file = instead;
				}
			}
			bindings.put(source.name(), file);
		}
		return bindings;
	}

	/**
	 * One explicit binding, {@code Source=path} as given to {@code --bind}.
	 *
	 * @throws IllegalArgumentException saying what is wrong and what is expected
	 */
	public static Map.Entry<String, Path> parse(String binding) {
		int equals = binding.indexOf('=');
		if (equals < 0) {
			throw malformed(binding, "no '='");
		}
		String source = binding.substring(0, equals).trim();
		String path = binding.substring(equals + 1).trim();
		if (source.isEmpty()) {
			throw malformed(binding, "no source name before '='");
		}
		if (!isName(source)) {
			throw malformed(binding, "\"" + source + "\" is not a source name");
		}
		if (path.isEmpty()) {
			throw malformed(binding, "no file after '='");
		}
		try {
			return new SimpleImmutableEntry<>(source, Path.of(path));
		} catch (InvalidPathException e) {
			throw malformed(binding, "\"" + path + "\" is not a valid path (" + e.getReason() + ")");
		}
	}

	/**
	 * The files of the template's sources: by convention in {@code dataDir} (when not null), overridden by
	 * the explicit bindings ({@code Source=path} each).
	 *
	 * @throws IllegalArgumentException for a malformed binding or one naming no source of the template
	 */
	public static Map<String, Path> resolve(TemplateSpec template, Path dataDir, List<String> explicit) {
		Map<String, Path> bindings = dataDir == null ? new LinkedHashMap<>()
				: new LinkedHashMap<>(byConvention(dataDir, template));
		for (String binding : explicit) {
			Map.Entry<String, Path> entry = parse(binding);
			if (template.source(entry.getKey()).isEmpty()) {
				throw new IllegalArgumentException("binding \"" + binding + "\" names no source of "
						+ template.simpleName() + "; its sources are "
						+ template.sources().stream().map(SourceSpec::name).collect(Collectors.joining(", ")));
			}
			bindings.put(entry.getKey(), entry.getValue());
		}
		return Collections.unmodifiableMap(bindings);
	}

	private static boolean isName(String text) {
		if (!Character.isJavaIdentifierStart(text.codePointAt(0))) {
			return false;
		}
		return text.codePoints().allMatch(Character::isJavaIdentifierPart);
	}

	private static IllegalArgumentException malformed(String binding, String problem) {
		return new IllegalArgumentException("malformed binding \"" + binding + "\": " + problem
				+ "; expected Source=path, such as Ticket=data/tickets.csv");
	}
}
