package io.yardstick.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the yardstick command in this JVM, as a user would type it, with standard output and error captured. */
final class Cli {
	/** The template every test starts from: valid, one warning (its top layer's metric has no description). */
	static final String DEMO = """
			package demo
			template T "Demo" {
			    source Ticket { key id: text  createdAt: timestamp time  csat: score(1..5)? }
			    layer management { metric csat "满意度" : score(1..5) higher-is-better { = avg(Ticket.csat) } }
			    layer execution { metric volume "工单量" : count higher-is-better { = count(Ticket) } }
			    link volume -> csat : positive
			}
			""";

	record Result(int exit, String out, String err) {
		String[] outLines() {
			return out.isEmpty() ? new String[0] : out.split("\n", -1);
		}
	}

	private Cli() {
	}

	static Result run(String... args) {
		return run(false, args);
	}

	/** A command's arguments followed by a test's own. */
	static String[] with(String[] args, String... extra) {
		String[] all = new String[args.length + extra.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(extra, 0, all, args.length, extra.length);
		return all;
	}

	static Result run(boolean interactive, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), interactive);
		return new Result(exit, out.toString(), err.toString());
	}

	/**
	 * Writes the two files both output tests start from: the demo template, valid, and a copy in
	 * another package whose link names a metric that does not exist.
	 */
	static void writeDemoAndBrokenLink(Path dir) throws java.io.IOException {
		java.nio.file.Files.writeString(dir.resolve("good.kpi"), DEMO);
		java.nio.file.Files.writeString(dir.resolve("links.kpi"),
				DEMO.replace("package demo", "package links").replace("link volume", "link nosuch"));
	}

	/** The repository's folder of example templates. */
	static Path exampleTemplates() {
		Path moduleDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
		return moduleDir.resolve("../../example-templates/after-sales-standard").normalize();
	}
}
