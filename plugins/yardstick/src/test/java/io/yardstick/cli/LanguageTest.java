package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.text.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in Chinese and in English: the same keys in both files, and the demo's whole output, a usage
 * error and validation's findings in the language of --language.
 */
class LanguageTest {
	/** An English word: what must not appear in Chinese output outside paths, option names, codes and ids. */
	private static final Pattern WORD = Pattern.compile("(?<![\\w./<=-])[A-Za-z]{3,}(?![\\w./-])");

	@TempDir
	Path dir;

	@Test
	void everyMessageIsInBothLanguages() {
		assertThat(Texts.entries(CliTexts.BASE, "zh").keySet()).isEqualTo(Texts.entries(CliTexts.BASE, "en").keySet());
		assertThat(Texts.entries("io/yardstick/runtime/load/load", "zh").keySet())
				.isEqualTo(Texts.entries("io/yardstick/runtime/load/load", "en").keySet());
	}

	@Test
	void everyCommandsHelpIsInChineseWithLanguageZh() {
		java.io.PrintWriter sink = new java.io.PrintWriter(java.io.Writer.nullWriter());
		List<String> english = new java.util.ArrayList<>();
		java.util.Deque<picocli.CommandLine> commands = new java.util.ArrayDeque<>(
				List.of(Main.commandLine(sink, sink, false, "zh")));
		while (!commands.isEmpty()) {
			picocli.CommandLine command = commands.pop();
			picocli.CommandLine.Model.CommandSpec spec = command.getCommandSpec();
			String name = spec.qualifiedName();
			List<String> texts = new java.util.ArrayList<>(List.of(String.join(" ", spec.usageMessage().description())));
			spec.options().forEach(option -> texts.add(option.longestName() + " " + String.join(" ",
					option.description())));
			spec.positionalParameters()
					.forEach(parameter -> texts.add(parameter.paramLabel() + " " + String.join(" ",
							parameter.description())));
			texts.stream().filter(text -> !text.matches("(?s).*\\p{IsHan}.*")).forEach(text -> english.add(name + ": " + text));
			command.getSubcommands().values().stream().filter(sub -> sub.getParent() == command).forEach(commands::push);
		}
		assertThat(english).as("help texts without Chinese").isEmpty();
		String usage = Main.commandLine(sink, sink, false, "zh").getSubcommands().get("run").getUsageMessage();
		assertThat(usage).startsWith("用法： yardstick run").contains("选项：", "退出码：", "结果写到哪里。");
		assertThat(Main.commandLine(sink, sink, false, "en").getSubcommands().get("run").getUsageMessage())
				.startsWith("Usage: yardstick run").doesNotContainPattern("\\p{IsHan}");
	}

	@Test
	void theDemoPrintsChineseThroughoutWithLanguageZh() {
		Cli.Result run = Cli.run("demo", "--home", home(), "--language", "zh", "--out", dir.resolve("zh").toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("| 指标 ", "| 状态 ", "| 达标 ", "告警：", "其中", "报告：", "已写入 ")
				.contains("计算了 4 种分组（总计、区域、产品线、客户类型）");
		// The layers' and sources' names stay beside their labels, as they are typed in options and templates.
		assertThat(englishWords(run.out() + run.err())).as("English words in the Chinese output")
				.isSubsetOf("strategic", "management", "execution", "Customer", "Ticket", "Sale");
		assertThat(run.err()).contains("提示 zero-denominator: 分母 `sum(Sale.amount)` 可能为零");
	}

	@Test
	void theDemoPrintsEnglishThroughoutWithLanguageEn() {
		Cli.Result run = Cli.run("demo", "--home", home(), "--language", "en", "--out", dir.resolve("en").toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("| metric ", "| status ", "alerts: 6 critical, 4 in Northwest; ", "report: ");
		assertThat(run.out() + run.err()).doesNotContainPattern("\\p{IsHan}");
	}

	@Test
	void aUsageErrorIsInTheLanguageAskedFor() {
		Cli.Result run = Cli.run("run", home(), "--language", "zh", "--on-bad-row", "maybe", "--data", home(), "--out",
				dir.resolve("out").toString());
		assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
		assertThat(run.err()).isEqualTo("yardstick：错误：--on-bad-row 只接受 fail 或 skip，而不是 maybe\n"
				+ "运行 'yardstick run --help' 查看用法。\n");
	}

	@Test
	void validationFindingsAndSummaryAreInTheLanguageAskedFor() {
		Path template = Cli.exampleTemplates();
		Cli.Result chinese = Cli.run("validate", "--language", "zh", template.toString());
		Cli.Result english = Cli.run("validate", "--language", "en", template.toString());
		assertThat(chinese.exit()).isZero();
		assertThat(chinese.out()).endsWith("3 个文件：0 个错误，0 个警告，1 条提示\n")
				.contains(": 提示 zero-denominator: 分母 `sum(Sale.amount)` 可能为零：");
		assertThat(english.out()).endsWith("3 files: 0 errors, 0 warnings, 1 info\n")
				.contains(": info zero-denominator: denominator `sum(Sale.amount)` can be zero: ");
	}

	@Test
	void runOfOneFileReportsItsFindingsInTheLanguageAskedFor() throws Exception {
		Path file = oneFileWithAnError();
		Cli.Result chinese = Cli.run("run", file.toString(), "--language", "zh", "--data", dir.toString(), "--out",
				dir.resolve("out").toString(), "-q");
		Cli.Result english = Cli.run("run", file.toString(), "--language", "en", "--data", dir.toString(), "--out",
				dir.resolve("out").toString(), "-q");
		assertThat(chinese.exit()).isEqualTo(1);
		assertThat(chinese.out() + chinese.err()).contains("one.kpi:9:").contains(": 错误 ");
		assertThat(english.out() + english.err()).contains("one.kpi:9:").contains(": error ");
	}

	/**
	 * The error paths of several commands with --language zh: an unknown option, a missing file, a template with
	 * errors, a bad option value, an unknown breakdown, an option only review checks. Every line is Chinese
	 * but for what was typed (files, options, values), the template's names and codes, and the command's name.
	 */
	@Test
	void errorPathsOfTheCommandsAreInChineseWithLanguageZh() throws Exception {
		Path bad = oneFileWithAnError();
		String template = Cli.exampleTemplates().toString();
		String data = Cli.exampleTemplates().resolve("data").toString();
		String missing = dir.resolve("missing.kpi").toString();
		String out = dir.resolve("out").toString();
		List<String[]> commands = List.of(new String[] { "validate", "--language", "zh", bad.toString() },
				new String[] { "validate", "--language", "zh", "--frobnicate", template },
				new String[] { "validate", "--language", "zh", "--format", "yaml", template },
				new String[] { "run", missing, "--language", "zh", "--data", data, "--out", out },
				new String[] { "run", bad.toString(), "--language", "zh", "--data", data, "--out", out },
				new String[] { "run", template, "--language", "zh", "--data", data, "--out" },
				new String[] { "run", template, "--language", "zh", "--data", data, "--out", out, "--by", "nothing" },
				new String[] { "review", template, "--language", "zh", "--data", data, "--out", out, "--alpha", "2" },
				new String[] { "review", template, "--language", "zh", "--data", data, "--out", out, "--by", "a,b" },
				new String[] { "demo", "--language", "zh", "--home", dir.toString(), "--out", out },
				new String[] { "generate", "--language", "zh", bad.toString(), "--out", out },
				new String[] { "generate", "--language", "zh", template, "--out", out, "--target", "sql" },
				new String[] { "init", "Client", "--language", "zh", "--from", "nothing", "--home", home(), "--out", out },
				new String[] { "sample-data", "--language", "zh", bad.toString(), "-o", out },
				new String[] { "sample-data", "--language", "zh", missing, "-o", out },
				new String[] { "sample-data", "--language", "zh", "--months", "0", "-o", out },
				new String[] { "sample-data", "--language", "zh", template, "--rows", "0", "-o", out },
				new String[] { "run", template, "--language", "zh", "--data", data, "--out", out, "--grain", "fortnight" },
				new String[] { "run", template, "--language", "zh", "--data", data, "--out", out, "--by", "region,,segment" },
				new String[] { "test", "--language", "zh", bad.toString() },
				new String[] { "test", "--language", "zh", missing },
				new String[] { "diff", "--language", "zh", bad.toString() },
				new String[] { "diff", "--language", "zh", template, "--format", "yaml" },
				new String[] { "diff", "--language", "zh", template });
		List<String> english = new java.util.ArrayList<>();
		for (String[] command : commands) {
			Cli.Result run = Cli.run(command);
			assertThat(run.exit()).as(String.join(" ", command)).isIn(1, 2);
			for (String line : (run.out() + run.err()).split("\n")) {
				List<String> words = new java.util.ArrayList<>(englishWords(line));
				words.removeAll(List.of("yardstick", "Yardstick", command[0], "frobnicate", "yaml", "text", "json", "nothing",
						"region", "segment", "strategic", "sql", "duckdb", "postgres", "spark", "OTHER", "StandardAfterSales",
						"fortnight", "day", "week", "month", "quarter", "year"));
				if (!words.isEmpty()) {
					english.add(String.join(" ", command) + ": " + line + " " + words);
				}
			}
		}
		assertThat(english).as("lines with English words in Chinese output").isEmpty();
	}

	/** A normal run of test and of diff with --language zh: the summary, coverage and comparison in Chinese. */
	@Test
	void testAndDiffRunInChineseWithLanguageZh() {
		Path templates = Cli.exampleTemplates().resolve("..").normalize();
		String json = dir.resolve("coverage.json").toString();
		Cli.Result test = Cli.run("test", "--language", "zh", "--java-only", "--coverage", "--coverage-json", json,
				templates.resolve("after-sales-standard").toString());
		assertThat(test.exit()).as(test.out() + test.err()).isZero();
		assertThat(test.out()).contains("个测试，在 java 上运行：通过 ", "有期望值的指标 ", "覆盖率：");
		Cli.Result diff = Cli.run("diff", "--language", "zh", templates.resolve("acme-after-sales").toString());
		assertThat(diff.exit()).as(diff.err()).isZero();
		assertThat(diff.out()).contains(" 与 aftersales.standard.StandardAfterSales 相比：新增 ", "\n指标 ", "  新增 ");
		List<String> english = new java.util.ArrayList<>(englishWords(test.out() + test.err() + diff.out() + diff.err()));
		// The engine, and what the templates say as written: layer names, formulas, clauses and keywords, labels.
		english.removeAll(List.of("java", "execution", "avg", "target", "warning", "critical", "negative", "Acme"));
		assertThat(english).as("English words in the Chinese output of test and diff").isEmpty();
	}

	/** A template of one file whose formula names a source that is not there (line 9). */
	private Path oneFileWithAnError() throws java.io.IOException {
		Path file = dir.resolve("one.kpi");
		java.nio.file.Files.writeString(file, """
				package one
				template One {
					source Ticket {
						key id: text
						openedAt: timestamp time
					}
					layer strategic {
						metric tickets "工单数" : count higher-is-better {
							= count(Tickt)
						}
					}
				}
				""");
		return file;
	}

	private static String home() {
		return Cli.exampleTemplates().resolve("../..").normalize().toString();
	}

	/** English words of the text, leaving out paths, file names, option names, codes and identifiers. */
	private static List<String> englishWords(String text) {
		String plain = text.replaceAll("\\S*[/\\\\]\\S*", " ") // paths
				.replaceAll("--[a-z-]+", " ") // options
				.replaceAll("`[^`]*`", " ") // code
				.replaceAll("\\b[a-z]+(-[a-z]+)+\\b", " ") // issue codes such as zero-denominator
				.replaceAll("[\\w.]+\\.(json|csv|html|kpi)\\b", " ") // file names
				.replaceAll("\\b[a-z]+[A-Z]\\w*\\b", " ") // camelCase ids
				.replaceAll("\\b\\w+(\\.\\w+)+\\b", " "); // qualified names
		Matcher matcher = WORD.matcher(plain);
		List<String> words = new java.util.ArrayList<>();
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}
}
