package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.read;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What docs/data.md shows is what the loader does. */
class DataDocumentationTest {
	private static final Path PAGE = Path.of("../../docs/data.md");
	private static final Pattern CSV_BLOCK = Pattern.compile("```csv\\n(.*?)```", Pattern.DOTALL);

	@TempDir
	Path dir;

	@Test
	void theQuarantineExample() throws IOException {
		String page = Files.readString(PAGE, StandardCharsets.UTF_8);
		String section = page.substring(page.indexOf("**The quarantine file**"));
		List<String> blocks = new ArrayList<>();
		Matcher block = CSV_BLOCK.matcher(section);
		while (block.find() && blocks.size() < 2) {
			blocks.add(block.group(1));
		}
		assertThat(blocks).hasSize(2);
		write(dir, "Customer.csv", "id,region,signedAt\nC1,North,2024-01-15\nC3,East,2024-03-01\n");
		write(dir, "Ticket.csv", blocks.get(0));
		Path quarantine = dir.resolve("rejected");
		LoadResult result = DataLoader.load(LoadErrorsTest.TEMPLATE, Bindings.byConvention(dir, LoadErrorsTest.TEMPLATE),
				LoadOptions.defaults().skipBadRows(quarantine));
		assertThat(read(quarantine.resolve("Ticket.rejected.csv"))).isEqualTo(blocks.get(1));
		assertThat(result.report().source("Ticket").rowsRejected()).isEqualTo(3);
	}

	@Test
	void theLoadReportExample() throws IOException {
		String page = Files.readString(PAGE, StandardCharsets.UTF_8);
		String section = page.substring(page.indexOf("**The quarantine file**"));
		Matcher tickets = CSV_BLOCK.matcher(section);
		assertThat(tickets.find()).isTrue();
		String report = page.substring(page.indexOf("## The load report"));
		Matcher summary = Pattern.compile("```text\\n(.*?)\\n```", Pattern.DOTALL).matcher(report);
		assertThat(summary.find()).isTrue();
		Path data = dir.resolve("data");
		write(data, "Customer.csv", "id,region,signedAt\nC1,North,2024-01-15\nC2,South,2024-02-30\nC3,East,2024-03-01\n");
		write(data, "Ticket.csv", tickets.group(1));
		LoadResult result = DataLoader.load(LoadErrorsTest.TEMPLATE, Bindings.byConvention(data, LoadErrorsTest.TEMPLATE),
				LoadOptions.defaults().skipBadRows(dir.resolve("rejected")));
		assertThat(result.report().summary().replace(dir + "/", "")).isEqualTo(summary.group(1));
	}

	@Test
	void theErrorExampleOfTheFormat() throws IOException {
		String page = Files.readString(PAGE, StandardCharsets.UTF_8);
		assertThat(page).contains("data/Ticket.csv:3:31: error bad-data: Ticket.csat: \"6\" is outside score(1..5)");
		Path data = Path.of("data");
		// the same row as LoadErrorsTest#scoreOutOfRange, with the file called data/Ticket.csv
		assertThat(new DataError(data.resolve("Ticket.csv"), 3, 31, "Ticket", "csat", "\"6\" is outside score(1..5)")
				.toText()).isEqualTo("data/Ticket.csv:3:31: error bad-data: Ticket.csat: \"6\" is outside score(1..5)");
	}
}
