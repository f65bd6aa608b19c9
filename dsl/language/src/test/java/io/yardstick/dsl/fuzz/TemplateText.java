package io.yardstick.dsl.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Template text for fuzzing: a valid template built from the grammar (sources, layers, metrics with
 * random formulas, targets, links), then, for most inputs, mutated. Sizes are bounded so that no input
 * can hang a run: at most a few thousand tokens, chains to 1,200 terms, nesting to 260 levels.
 */
final class TemplateText {
	private static final List<String> NAMES = List.of("yield", "record", "var", "class", "new", "java", "int",
			"value", "count", "date", "status", "ORDER", "run", "p", "g", "c", "_x", "Metric1", "a".repeat(300));
	private static final List<String> PACKAGES = List.of("p", "class.public", "acme.new", "java.lang", "javax.x",
			"a.b.c", "record.yield", "x".repeat(300) + ".y");
	private static final List<String> STRINGS = List.of("plain", "净推荐值", "line\u2028sep", "para\u2029sep",
			"quote \\\" and \\\\ back", "*/ end", "\\u0022 escape", "<b>&amp;</b> @param {@code x}", "tab\there",
			"\u0085next", "\uE000private\uE001", "\\n newline", "$S $L $T", "emoji \uD83D\uDE00");
	private static final List<String> NUMBERS = List.of("0", "1", "2.5", "100", "95%", "2h", "30min", "500 CNY",
			"999999999999999", "1000000000000001", "0.000000000000001", "1" + "0".repeat(300), "2147483648",
			"99999999999999999999", "1.5", "3d");
	private static final List<String> TOKENS = List.of("(", ")", "+", "-", "*", "/", "not", "if", "then", "else",
			"and", "or", "=", "{", "}", ",", ".", "\"", "import", "package", "metric", "layer", "source", "%", "..",
			"null", "in", "where", "count(", "previous(", "Ticket.", "\u2028", "\n", "/*", "//", "^", "@");

	String template(Random random) {
		String text = valid(random);
		int mutations = random.nextBoolean() ? 0 : 1 + random.nextInt(4);
		for (int i = 0; i < mutations; i++) {
			text = mutate(text, random);
		}
		return text;
	}

	private String valid(Random random) {
		StringBuilder text = new StringBuilder();
		text.append("package ").append(pick(PACKAGES, random)).append("\n\n");
		if (random.nextInt(8) == 0) {
			text.append("import ").append(random.nextBoolean() ? "" : "x.*").append("\n");
		}
		String template = random.nextInt(4) == 0 ? pick(NAMES, random) : "T";
		text.append("template ").append(template).append(" \"").append(pick(STRINGS, random)).append("\"@en {\n");
		if (random.nextBoolean()) {
			text.append("\tcore-limit ").append(random.nextInt(6) == 0 ? pick(NUMBERS, random) : "5").append("\n");
		}
		if (random.nextBoolean()) {
			text.append("\tdescription \"").append(pick(STRINGS, random)).append("\"\n");
		}
		text.append("\tsource Ticket \"").append(pick(STRINGS, random)).append("\" {\n")
				.append("\t\tkey id: text\n\t\tcreatedAt: timestamp time\n\t\tcost: number\n\t\tcsat: score(1..5)?\n")
				.append("\t\tregion: text dimension\n\t\tparent -> Ticket?\n\t}\n");
		int metrics = random.nextInt(5);
		text.append("\tlayer strategic \"").append(pick(STRINGS, random)).append("\" {\n");
		for (int m = 0; m < metrics; m++) {
			String name = random.nextInt(3) == 0 ? pick(NAMES, random) + m : "m" + m;
			text.append("\t\tmetric ").append(name).append(" \"").append(pick(STRINGS, random))
					.append("\" : number higher-is-better {\n\t\t\t= ").append(formula(random, m)).append("\n");
			if (random.nextBoolean()) {
				text.append("\t\t\ttarget >= ").append(pick(NUMBERS, random)).append("\n");
			}
			text.append("\t\t\tdescription \"").append(pick(STRINGS, random)).append("\"\n\t\t}\n");
		}
		text.append("\t}\n");
		if (metrics >= 2 && random.nextBoolean()) {
			text.append("\tlink m0 -> m1 : positive lag ").append(random.nextInt(5) == 0 ? pick(NUMBERS, random) : "1")
					.append(" month \"").append(pick(STRINGS, random)).append("\"\n");
		}
		return text.append("}\n").toString();
	}

	private String formula(Random random, int metric) {
		return switch (random.nextInt(8)) {
			case 0 -> chain(random, 1 + random.nextInt(1200));
			case 1 -> nested(random, random.nextInt(260));
			case 2 -> "sum(Ticket" + ".parent".repeat(random.nextInt(120)) + ".cost)";
			case 3 -> "previous(count(Ticket), " + pick(NUMBERS, random) + ")";
			case 4 -> "count(Ticket where Ticket.region = \"" + pick(STRINGS, random) + "\")";
			case 5 -> "if count(Ticket) > " + pick(NUMBERS, random) + " then sum(Ticket.cost) else "
					+ chain(random, 1 + random.nextInt(60));
			case 6 -> "count(Ticket where Ticket.region in (" + "\"a\", ".repeat(random.nextInt(300)) + "\"b\"))";
			default -> metric > 0 ? "m0 + " + pick(NUMBERS, random).replace("%", "") : "avg(Ticket.csat)";
		};
	}

	private static String chain(Random random, int terms) {
		StringBuilder chain = new StringBuilder("count(Ticket)");
		for (int i = 1; i < terms; i++) {
			chain.append(random.nextInt(4) == 0 ? " - " : " + ").append(random.nextBoolean() ? "sum(Ticket.cost)" : "1");
		}
		return chain.toString();
	}

	private static String nested(Random random, int levels) {
		String open = random.nextBoolean() ? "(" : "abs(";
		return (random.nextBoolean() ? "-" : "") + open.repeat(levels) + "count(Ticket)" + ")".repeat(levels);
	}

	private String mutate(String text, Random random) {
		int at = random.nextInt(text.length() + 1);
		return switch (random.nextInt(6)) {
			case 0 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
			case 1 -> text.substring(0, at) + " " + pick(TOKENS, random) + " " + text.substring(at);
			case 2 -> text.substring(0, at) + pick(TOKENS, random).repeat(1 + random.nextInt(3000)) + text.substring(at);
			case 3 -> text.substring(0, at) + pick(NUMBERS, random) + text.substring(at);
			case 4 -> text.substring(0, at) + (char) random.nextInt(0x3000) + text.substring(at);
			default -> {
				int end = Math.min(text.length(), at + random.nextInt(40));
				yield text.substring(0, at) + text.substring(at, end).repeat(2) + text.substring(at);
			}
		};
	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}
}
