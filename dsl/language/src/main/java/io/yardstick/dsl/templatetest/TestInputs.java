package io.yardstick.dsl.templatetest;

import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.TemplateTest;
import io.yardstick.dsl.kpi.TestInput;
import io.yardstick.dsl.workspace.LoadedModel;
import io.yardstick.runtime.load.DataError;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * A test's input rows as the runtime loader reads them: each inline table rendered to a CSV file (every field of
 * the source a column, those the table leaves out empty) with a map from the file's lines and columns back to the
 * table's, so that a bad cell is reported where the test wrote it, with the loader's own typing and messages. A
 * source the test gives no rows gets a file with its header only.
 */
public final class TestInputs {
	private final Map<String, Path> bindings = new LinkedHashMap<>();
	private final Map<String, TableMap> tables = new HashMap<>();
	private final Map<String, String> dataFiles = new HashMap<>();
	private final List<Problem> problems = new ArrayList<>();

	/** An input that cannot be rendered, such as a row of the wrong width: where and why. */
	public record Problem(TestPosition position, String message) {
	}

	/** Per CSV line (index 0 is the header), the table's row node and, per cell, where it starts in both. */
	private record TableMap(String file, TestInput input, List<INode> nodes, List<int[]> csvColumns,
			List<int[]> offsets) {
	}

	private TestInputs() {
	}

	/** The file a {@code rows S from "file"} names, beside the test's file; null for a file held in memory. */
	public static Path fileOf(TestInput input) {
		URI uri = input.eResource() == null ? null : input.eResource().getURI();
		if (uri == null || !uri.isFile() || input.getFile() == null) {
			return null;
		}
		return Path.of(uri.toFileString()).toAbsolutePath().getParent().resolve(input.getFile()).normalize();
	}

	/** Writes the test's inputs into {@code folder}, one file per source of the template. */
	public static TestInputs prepare(TemplateTest test, TemplateSpec spec, LoadedModel model, Path folder)
			throws IOException {
		TestInputs inputs = new TestInputs();
		String testFile = model.nameOf(test.eResource());
		Map<String, TestInput> bySource = new LinkedHashMap<>();
		for (TestInput input : test.getInputs()) {
			bySource.putIfAbsent(input.getSource(), input);
		}
		for (SourceSpec source : spec.sources()) {
			TestInput input = bySource.get(source.name());
			if (input != null && input.getFile() != null) {
				Path file = fileOf(input);
				if (file == null || !Files.isRegularFile(file)) {
					inputs.problems.add(new Problem(TestPosition.of(model, input), "no file \"" + input.getFile() + "\" beside "
							+ testFile));
					file = folder.resolve(source.name() + ".csv");
					Files.writeString(file, header(source, List.of()), StandardCharsets.UTF_8);
				} else {
					Path shown = Path.of(testFile).resolveSibling(input.getFile()).normalize();
					inputs.dataFiles.put(source.name(), shown.toString());
				}
				inputs.bindings.put(source.name(), file);
			} else {
				Path file = folder.resolve(source.name() + ".csv");
				Files.writeString(file, input == null ? header(source, List.of()) : inputs.render(source, input, testFile),
						StandardCharsets.UTF_8);
				inputs.bindings.put(source.name(), file);
			}
		}
		for (TestInput input : test.getInputs()) {
			if (spec.source(input.getSource()).isEmpty()) {
				inputs.problems.add(new Problem(TestPosition.of(model, input), "`" + input.getSource()
						+ "` is no source that " + spec.simpleName() + " reads"));
			}
		}
		return inputs;
	}

	private static String header(SourceSpec source, List<String> first) {
		List<String> names = new ArrayList<>(first);
		for (FieldSpec field : source.fields()) {
			if (!names.contains(field.name())) {
				names.add(field.name());
			}
		}
		return String.join(",", names) + "\n";
	}

	private String render(SourceSpec source, TestInput input, String testFile) {
		KpiPackage kpi = KpiPackage.eINSTANCE;
		INode headerNode = NodeModelUtils.findNodesForFeature(input, kpi.getTestInput_Header()).get(0);
		List<INode> rowNodes = NodeModelUtils.findNodesForFeature(input, kpi.getTestInput_Rows());
		TestTables.Row header = TestTables.split(input.getHeader());
		List<String> columns = new ArrayList<>();
		if (header.problem() == null) {
			header.cells().forEach(cell -> columns.add(cell.text()));
		} else {
			problems.add(new Problem(TestPosition.span(testFile, headerNode, headerNode.getOffset()
					+ header.problem().offset(), headerNode.getOffset() + header.problem().offset() + 1),
					header.problem().message()));
		}
		List<String> extra = new ArrayList<>();
		for (FieldSpec field : source.fields()) {
			if (!columns.contains(field.name())) {
				extra.add(field.name());
			}
		}
		List<INode> nodes = new ArrayList<>();
		List<int[]> csvColumns = new ArrayList<>();
		List<int[]> offsets = new ArrayList<>();
		StringBuilder csv = new StringBuilder();
		List<String> headerNames = new ArrayList<>(columns);
		headerNames.addAll(extra);
		appendLine(csv, headerNames.stream().map(name -> new TestTables.Cell(name, false, 0, 0)).toList(),
				header.problem() == null ? header.cells() : List.of(), headerNode, nodes, csvColumns, offsets);
		for (int r = 0; r < input.getRows().size() && r < rowNodes.size(); r++) {
			INode node = rowNodes.get(r);
			TestTables.Row row = TestTables.split(input.getRows().get(r));
			if (row.problem() != null) {
				problems.add(new Problem(TestPosition.span(testFile, node, node.getOffset() + row.problem().offset(),
						node.getOffset() + row.problem().offset() + 1), row.problem().message()));
				continue;
			}
			if (row.cells().size() != columns.size()) {
				problems.add(new Problem(TestPosition.span(testFile, node, node.getOffset(), node.getEndOffset()),
						"row " + (r + 1) + " of " + source.name() + " has " + row.cells().size() + " cells, but the header has "
								+ columns.size()));
				continue;
			}
			List<TestTables.Cell> cells = new ArrayList<>(row.cells());
			for (int i = 0; i < extra.size(); i++) {
				cells.add(new TestTables.Cell("", true, 0, 0));
			}
			appendLine(csv, cells, row.cells(), node, nodes, csvColumns, offsets);
		}
		tables.put(source.name(), new TableMap(testFile, input, nodes, csvColumns, offsets));
		return csv.toString();
	}

	/** Appends one CSV line; remembers where each of the table's own cells starts in the line and in the test. */
	private static void appendLine(StringBuilder csv, List<TestTables.Cell> cells,
			List<TestTables.Cell> written, INode node, List<INode> nodes, List<int[]> csvColumns, List<int[]> offsets) {
		int[] starts = new int[written.size()];
		int[] at = new int[written.size()];
		int column = 1;
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
				column++;
			}
			TestTables.Cell cell = cells.get(i);
			if (i < written.size()) {
				starts[i] = column;
				at[i] = node.getOffset() + written.get(i).offset();
			}
			String text = cell.isNull() ? "" : "\"" + cell.text().replace("\"", "\"\"") + "\"";
			line.append(text);
			column += text.length();
		}
		csv.append(line).append('\n');
		nodes.add(node);
		csvColumns.add(starts);
		offsets.add(at);
	}

	public Map<String, Path> bindings() {
		return bindings;
	}

	public List<Problem> problems() {
		return problems;
	}

	/** The data row a loader error is about (1 is the first row under the header), or 0 for the whole file. */
	public static long rowOf(DataError error) {
		return Math.max(0, error.line() - 1);
	}

	/** Where the test wrote what a loader error is about: the cell in an inline table, or the line of a data file. */
	public TestPosition positionOf(DataError error, LoadedModel model) {
		TableMap table = error.source() == null ? null : tables.get(error.source());
		if (table == null) {
			String file = error.source() == null ? null : dataFiles.get(error.source());
			if (file == null) {
				file = String.valueOf(error.file());
			}
			int line = (int) Math.max(1, error.line());
			int column = Math.max(1, error.column());
			return new TestPosition(file, line, column, line, column);
		}
		int index = (int) error.line() - 1;
		if (error.line() < 1 || index >= table.nodes().size()) {
			return TestPosition.of(model, table.input());
		}
		INode node = table.nodes().get(index);
		int[] starts = table.csvColumns().get(index);
		int[] offsets = table.offsets().get(index);
		int offset = node.getOffset();
		for (int i = 0; i < starts.length; i++) {
			if (starts[i] <= Math.max(1, error.column())) {
				offset = offsets[i];
			}
		}
		return TestPosition.span(table.file(), node, offset, offset + 1);
	}

	/**
	 * The loader's reason, with a line of a rendered table it names ({@code first on line 2}) turned into the line of
	 * the test's file where that row is written.
	 */
	public String reason(DataError error, LoadedModel model) {
		TableMap table = error.source() == null ? null : tables.get(error.source());
		if (table == null) {
			return error.reason();
		}
		java.util.regex.Matcher matcher = LINE.matcher(error.reason());
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			int index = Integer.parseInt(matcher.group(1)) - 1;
			String replacement = matcher.group();
			if (index >= 0 && index < table.nodes().size()) {
				INode node = table.nodes().get(index);
				replacement = "line " + NodeModelUtils.getLineAndColumn(node, node.getOffset()).getLine() + " of "
						+ table.file();
			}
			matcher.appendReplacement(text, java.util.regex.Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(text);
		return text.toString();
	}

	private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("line (\\d+)");
}
