package io.yardstick.runtime.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {

	@Test
	void matchesTheGoldenFile() {
		Golden.assertMatches("client.csv", ResultsCsv.toCsv(Samples.client()));
	}

	@Test
	void hasOneRowPerMetricGroupingPeriodAndGroup() {
		List<List<String>> rows = parse(ResultsCsv.toCsv(Samples.client()));
		assertThat(rows.get(0)).containsExactly("metric", "layer", "grouping", "group", "period", "value", "display",
				"status", "partial");
		// total: 10 metrics x 2 periods; region: 4 metrics x 2 x 2; region*segment: 2 metrics x 2 x 4
		assertThat(rows).hasSize(1 + 20 + 16 + 16);
		assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(9));
		assertThat(rows.stream().filter(row -> row.get(0).equals("revenue"))).hasSize(2)
				.allSatisfy(row -> assertThat(row.get(2)).isEqualTo("total"));
	}

	@Test
	void writesGroupsNullsAndStoredValues() {
		List<List<String>> rows = parse(ResultsCsv.toCsv(Samples.client()));
		assertThat(rows).contains(
				List.of("churnRate", "strategic", "total", "", "2025-02", "0.046", "4.6%", "met", "false"),
				List.of("churnRate", "strategic", "region", "region", "2025-02", "0", "0.0%", "met", "false"),
				List.of("churnRate", "strategic", "region*segment", "region;segment=" + Samples.AWKWARD, "2025-01", "0.0625", "6.3%", "warning", "false"),
				List.of("churnRate", "strategic", "region*segment", "region=华东;segment=smb", "2025-01", "0.04", "4.0%",
						"met", "false"),
				List.of("complaintShare", "execution", "total", "", "2025-02", "", "\u2014", "no-value", "false"),
				List.of("revenue", "strategic", "total", "", "2025-02", "1234.5", "1,234.50 CNY", "missed", "false"),
				List.of("firstResponse", "management", "region", "region=华东", "2025-01", "8280", "2.3 h", "missed", "false"),
				List.of("csat", "management", "total", "", "2025-02", "3.5", "3.5", "critical", "false"),
				List.of("lastTicketAt", "execution", "total", "", "2025-02", "1740721510000",
						"2025-02-28T13:45:10+08:00", "tracked", "false"));
	}

	@Test
	void quotesAsRfc4180Says() {
		String csv = ResultsCsv.toCsv(Samples.client());
		assertThat(csv).contains(",\"region=华东;segment=Acme \"\"Best\"\", </script>\",")
				.doesNotContain("\r").endsWith("\n");
		assertThat(ResultsCsv.field("plain")).isEqualTo("plain");
		assertThat(ResultsCsv.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(ResultsCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(ResultsCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(ResultsCsv.field("cr\r")).isEqualTo("\"cr\r\"");
		assertThat(ResultsCsv.field(null)).isEmpty();
	}

	@Test
	void groupsAreUnambiguous() {
		assertThat(ResultsCsv.group(List.of(), List.of())).isEmpty();
		assertThat(ResultsCsv.group(List.of("region", "segment"), List.of("华东", "smb")))
				.isEqualTo("region=华东;segment=smb");
		assertThat(ResultsCsv.group(List.of("region", "segment"), Arrays.asList(null, "")))
				.as("null: the name alone; empty text: name=").isEqualTo("region;segment=");
		assertThat(ResultsCsv.group(List.of("a"), List.of("x=1;y\\z"))).isEqualTo("a=x\\=1\\;y\\\\z");
	}

	@Test
	void writesToAWriterAndLeavesItOpen() throws IOException {
		StringWriter out = new StringWriter();
		ResultsCsv.write(Samples.support(), out);
		out.write("more");
		assertThat(out.toString()).startsWith("metric,layer,grouping,group,period,value,display,status,partial\n")
				.endsWith("\nmore");
	}

	/** A strict RFC 4180 reader (LF line ends): the test's independent check of the quoting. */
	static List<List<String>> parse(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (i < csv.length()) {
			char c = csv.charAt(i);
			if (c == '"' && field.isEmpty()) {
				i++;
				while (true) {
					char q = csv.charAt(i++);
					if (q == '"') {
						if (i < csv.length() && csv.charAt(i) == '"') {
							field.append('"');
							i++;
						} else {
							break;
						}
					} else {
						field.append(q);
					}
				}
				char after = csv.charAt(i);
				if (after != ',' && after != '\n') {
					throw new IllegalArgumentException("text after a closing quote at " + i);
				}
				continue;
			}
			if (c == '"') {
				throw new IllegalArgumentException("a quote inside an unquoted field at " + i);
			}
			if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			} else if (c == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			} else {
				field.append(c);
			}
			i++;
		}
		if (!row.isEmpty() || !field.isEmpty()) {
			throw new IllegalArgumentException("the last line has no line feed");
		}
		return rows;
	}
}
