package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys that arrive in ascending order skip the hash set until the order breaks; a repeat of any earlier key
 * is still found, with the line it was first on.
 */
class AscendingKeysTest {
	private static final TemplateSpec TEMPLATE = template("UTC",
			source("Ticket", key("id", FieldType.TEXT), field("n", FieldType.COUNT)));

	@TempDir
	Path dir;

	private static String rows(int count) {
		StringBuilder text = new StringBuilder("id,n\n");
		for (int i = 1; i <= count; i++) {
			text.append(String.format(Locale.ROOT, "T%06d,%d%n", i, i));
		}
		return text.toString();
	}

	@Test
	void aRepeatAfterALongAscendingRunIsADuplicate() {
		Path file = Fixtures.write(dir, "Ticket.csv", rows(5000) + "T000017,1\n");
		assertThatThrownBy(() -> DataLoader.load(TEMPLATE, Map.of("Ticket", file), LoadOptions.defaults()))
				.isInstanceOf(DataLoadException.class)
				.satisfies(e -> assertThat(((DataLoadException) e).errors().get(0).toText())
						.isEqualTo(file + ":5002:1: error bad-data: Ticket.id: duplicate key \"T000017\" (first on line 18)"));
	}

	@Test
	void afterTheOrderBreaksEveryKeyIsStillChecked() {
		Path file = Fixtures.write(dir, "Ticket.csv",
				rows(3000) + "A000001,1\nT000002,1\nZ000001,1\nA000001,1\n");
		LoadResult loaded = DataLoader.load(TEMPLATE, Map.of("Ticket", file), LoadOptions.defaults().skipBadRows(dir));
		assertThat(loaded.report().rowsRejected()).isEqualTo(2);
		assertThat(loaded.dataset().table("Ticket").rows()).isEqualTo(3002);
		assertThat(Fixtures.read(dir.resolve("Ticket.rejected.csv")))
				.contains("duplicate key \"\"T000002\"\" (first on line 3)")
				.contains("duplicate key \"\"A000001\"\" (first on line 3002)");
	}
}
