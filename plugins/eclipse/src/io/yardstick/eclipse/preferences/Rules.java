package io.yardstick.eclipse.preferences;

import io.yardstick.dsl.validation.IssueCodes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Every issue code with its severity and meaning, read from the summary table of docs/validation.md,
 * which the build copies into the bundle (library/docs). That page is kept in step with IssueCodes by
 * a test of the language, so it is the one place the meanings are written. A code the page lacks
 * still gets listed, with its code alone.
 */
public final class Rules {
	static final String VALIDATION_PAGE = "library/docs/validation.md";
	/** A row of the summary table: | `code` | severity | rule | meaning | */
	private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (error|warning|info) \\| ([^|]*) \\| (.*) \\|\\s*$",
			Pattern.MULTILINE);

	private static volatile List<Rule> all;

	private Rules() {
	}

	/** Every code, in the order of IssueCodes. */
	public static List<Rule> all() {
		List<Rule> rules = all;
		if (rules == null) {
			rules = load();
			all = rules;
		}
		return rules;
	}

	public static Rule of(String code) {
		return all().stream().filter(rule -> rule.code().equals(code)).findFirst().orElse(null);
	}

	private static List<Rule> load() {
		Map<String, Rule> documented = parse(page());
		List<Rule> rules = new ArrayList<>();
		for (String code : IssueCodes.all()) {
			rules.add(documented.getOrDefault(code, new Rule(code, "", "", "")));
		}
		return List.copyOf(rules);
	}

	static Map<String, Rule> parse(String page) {
		Map<String, Rule> rules = new HashMap<>();
		Matcher row = ROW.matcher(page);
		while (row.find()) {
			String rule = row.group(3).strip();
			rules.put(row.group(1), new Rule(row.group(1), row.group(2), "—".equals(rule) ? "" : rule,
					row.group(4).strip().replace("`", "")));
		}
		return rules;
	}

	private static String page() {
		Bundle bundle = FrameworkUtil.getBundle(Rules.class);
		URL url = bundle == null ? null : bundle.getEntry(VALIDATION_PAGE);
		if (url == null) {
			return "";
		}
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			return "";
		}
	}
}
