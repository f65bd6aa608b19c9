package io.yardstick.runtime.load;

import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.text.Texts;
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
		return parse(binding, "en");
	}

	/**
	 * {@link #parse(String)}, saying what is wrong in a language ({@code en} or {@code zh}).
	 *
	 * @throws IllegalArgumentException saying what is wrong and what is expected
	 */
	public static Map.Entry<String, Path> parse(String binding, String language) {
		Texts texts = LoadTexts.of(language);
		int equals = binding.indexOf('=');
		if (equals < 0) {
			throw malformed(binding, texts.get("bind.noEquals"), texts);
		}
		String source = binding.substring(0, equals).trim();
		String path = binding.substring(equals + 1).trim();
		if (source.isEmpty()) {
			throw malformed(binding, texts.get("bind.noSource"), texts);
		}
		if (!isName(source)) {
			throw malformed(binding, texts.get("bind.notName", source), texts);
		}
		if (path.isEmpty()) {
			throw malformed(binding, texts.get("bind.noFile"), texts);
		}
		try {
			return new SimpleImmutableEntry<>(source, Path.of(path));
		} catch (InvalidPathException e) {
			throw malformed(binding, texts.get("bind.badPath", path, e.getReason()), texts);
		}
	}

	/**
	 * The files of the template's sources: by convention in {@code dataDir} (when not null), overridden by
	 * the explicit bindings ({@code Source=path} each).
	 *
	 * @throws IllegalArgumentException for a malformed binding or one naming no source of the template
	 */
	public static Map<String, Path> resolve(TemplateSpec template, Path dataDir, List<String> explicit) {
		return resolve(template, dataDir, explicit, "en");
	}

	/**
	 * {@link #resolve(TemplateSpec, Path, List)}, saying what is wrong in a language ({@code en} or {@code zh}).
	 *
	 * @throws IllegalArgumentException for a malformed binding or one naming no source of the template
	 */
	public static Map<String, Path> resolve(TemplateSpec template, Path dataDir, List<String> explicit,
			String language) {
		Map<String, Path> bindings = dataDir == null ? new LinkedHashMap<>()
				: new LinkedHashMap<>(byConvention(dataDir, template));
		for (String binding : explicit) {
			Map.Entry<String, Path> entry = parse(binding, language);
			if (template.source(entry.getKey()).isEmpty()) {
				throw new IllegalArgumentException(LoadTexts.of(language).get("bind.unknownSource", binding,
						template.simpleName(), template.sources().stream().map(SourceSpec::name).collect(Collectors.joining(", "))));
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

	private static IllegalArgumentException malformed(String binding, String problem, Texts texts) {
		return new IllegalArgumentException(texts.get("bind.malformed", binding, problem));
	}
}
