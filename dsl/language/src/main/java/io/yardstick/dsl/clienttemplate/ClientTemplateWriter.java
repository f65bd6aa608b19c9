package io.yardstick.dsl.clienttemplate;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text of a new client template: a template that extends an industry template and changes
 * nothing yet, with a commented skeleton of the three things a client template does (override,
 * exclude, extend a source). Plain Java, no Eclipse: the wizard only collects what goes in.
 *
 * <p>The layout is the formatter's canonical one (one tab per block, a blank line between blocks);
 * the skeleton's examples are one-liners because the formatter re-indents comments inside a
 * block and would flatten a nested example.
 */
public final class ClientTemplateWriter {
	/** The grammar's terminal ID, without the escape ^ (a client name needs none). */
	private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

	/** Where the skeleton's examples come from: names of the industry template, so they can be uncommented. */
	public record Examples(String overrideLayer, String overrideMetric, String overrideKind, String overrideClause,
			String excludedMetric, List<String> excludedLoops, String extendedSource) {
		/** Names that exist in no template: for a parent that declares no layer or source of its own. */
		public static final Examples PLACEHOLDERS = new Examples("management", "someMetric", "percent higher-is-better",
				"target >= 90%", "otherMetric", List.of(), "SomeSource");
	}

	/**
	 * What the wizard collected.
	 *
	 * @param packageName the client file's package, may be empty
	 * @param name the template's name, a valid identifier
	 * @param zhLabel Chinese label, may be empty
	 * @param enLabel English label, may be empty
	 * @param parent the industry template's qualified name
	 * @param parentTitle how the comment calls the industry template, e.g. its English label
	 */
	public record Client(String packageName, String name, String zhLabel, String enLabel, String parent,
			String parentTitle, Examples examples) {
	}

	private ClientTemplateWriter() {
	}

	public static String write(Client client) {
		Examples ex = client.examples() == null ? Examples.PLACEHOLDERS : client.examples();
		StringBuilder out = new StringBuilder();
		out.append("// ").append(client.name()).append("'s template: ").append(client.parentTitle())
				.append(" (").append(client.parent()).append("),\n");
		out.append("// changed only where ").append(client.name())
				.append(" differs. Everything not written here is inherited; `yardstick diff` lists the changes.\n");
		if (!client.packageName().isBlank()) {
			out.append("package ").append(client.packageName().strip()).append("\n\n");
		}
		out.append("template ").append(client.name());
		label(out, client.zhLabel(), "zh");
		label(out, client.enLabel(), "en");
		out.append(" extends ").append(client.parent()).append(" {\n");
		out.append("\t// What a client template can change (docs/language.md#inheritance); uncomment and adapt.\n");
		out.append("\t//\n");
		out.append("\t// Change an inherited metric: inside its layer, restate its kind and write only what differs.\n");
		out.append("\t// layer ").append(ex.overrideLayer()).append(" { override metric ").append(ex.overrideMetric())
				.append(" : ").append(ex.overrideKind()).append(" { ").append(ex.overrideClause()).append(" } }\n");
		out.append("\t//\n");
		out.append("\t// Remove an inherited metric (its links go with it); the reason is required, reviewers read it.\n");
		out.append("\t// exclude metric ").append(ex.excludedMetric()).append(" \"why ").append(client.name())
				.append(" does not track it\"\n");
		// A loop through an excluded metric must go too (exclusion-breaks-loop), as in the acme example.
		for (String loop : ex.excludedLoops()) {
			out.append("\t// exclude loop ").append(loop).append(" \"its metric ").append(ex.excludedMetric())
					.append(" is excluded\"\n");
		}
		out.append("\t//\n");
		out.append("\t// Add a column that ").append(client.name()).append("'s data has to an inherited source.\n");
		out.append("\t// extend source ").append(ex.extendedSource()).append(" { contractLevel: text dimension }\n");
		out.append("}\n");
		return out.toString();
	}

	private static void label(StringBuilder out, String text, String language) {
		if (text != null && !text.isBlank()) {
			out.append(" \"").append(escape(text.strip())).append("\"@").append(language);
		}
	}

	/** The STRING terminal ends at an unescaped quote; a backslash escapes the next character. */
	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
	}

	/**
	 * Why a name cannot name a template, or null if it can.
	 *
	 * @param reserved the grammar's keywords that cannot be identifiers
	 */
	public static String nameProblem(String name, Set<String> reserved) {
		if (name == null || name.isEmpty()) {
			return "Enter the client template's name, such as AcmeAfterSales.";
		}
		if (!ID.matcher(name).matches()) {
			return "'" + name + "' is not a valid name: use letters, digits and _, starting with a letter (such as AcmeAfterSales).";
		}
		if (reserved.contains(name)) {
			return "'" + name + "' is a keyword of the language; choose another name.";
		}
		return null;
	}

	/** Why a package name cannot be used, or null; an empty package is allowed. */
	public static String packageProblem(String packageName, Set<String> reserved) {
		if (packageName == null || packageName.isBlank()) {
			return null;
		}
		for (String segment : packageName.strip().split("\\.", -1)) {
			if (!ID.matcher(segment).matches() || reserved.contains(segment)) {
				return "'" + packageName.strip() + "' is not a valid package: dot-separated names such as aftersales.acme.";
			}
		}
		return null;
	}

	/** The file name the wizard proposes: the template's name in lower case (AcmeAfterSales → acmeaftersales.kpi). */
	public static String fileName(String name) {
		return name.toLowerCase(Locale.ROOT) + ".kpi";
	}

	/** The package the wizard proposes: the industry package's first segment and the client's name (aftersales.acme). */
	public static String packageFor(String parent, String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		int dot = parent.indexOf('.');
		// Without a dot the parent has no package: the client's name alone is the package.
		return dot < 0 ? lower : parent.substring(0, dot) + "." + lower;
	}
}
