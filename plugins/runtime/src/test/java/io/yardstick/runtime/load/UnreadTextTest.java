package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.optional;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text fields the generated spec names as unread: checked like any other, but not kept. */
class UnreadTextTest {
	@TempDir
	Path dir;

	private static final SourceSpec TICKETS = source("Ticket", key("id", FieldType.TEXT),
			field("title", FieldType.TEXT), optional("note", FieldType.TEXT), field("contacts", FieldType.COUNT),
			new FieldSpec("region", FieldType.TEXT, false, false, true, false, null, null, null, List.of(), null));

	private static TemplateSpec template(List<String> unread) {
		return new TemplateSpec("demo.Support", Map.of(), ZoneId.of("UTC"), List.of(TICKETS), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(), unread);
	}

	@Test
	void anUnreadTextKeepsNoColumnAndNoDictionary() {
		write(dir, "Ticket.csv", "id,title,note,contacts,region\nT1,a,x,1,East\nT2,b,,2,West\nT3,a,y,3,East\n");
		Table table = DataLoader.load(template(List.of("Ticket.title", "Ticket.note")), dir).dataset().table("Ticket");

		assertThat(table.rows()).isEqualTo(3);
		assertThat(table.has("title")).isFalse();
		assertThat(table.has("note")).isFalse();
		assertThatThrownBy(() -> table.codes("title")).isInstanceOf(NoSuchElementException.class)
				.hasMessage("Ticket.title was not loaded");
		assertThatThrownBy(() -> table.dictionary("note")).isInstanceOf(NoSuchElementException.class);
		assertThat(table.numbers("contacts")).containsExactly(1, 2, 3);
		assertThat(table.codes("region")).containsExactly(0, 1, 0);
	}

	@Test
	void aKeyAndADimensionAreKeptEvenWhenNamedUnread() {
		write(dir, "Ticket.csv", "id,title,note,contacts,region\nT1,a,x,1,East\n");
		TemplateSpec template = template(List.of("Ticket.region", "Ticket.id"));
		Table table = DataLoader.load(template, Bindings.byConvention(dir, template),
				LoadOptions.defaults().keepingUnreferencedKeys(true)).dataset().table("Ticket");

		assertThat(table.dictionary("region").values()).containsExactly("East");
		assertThat(table.dictionary("id").values()).containsExactly("T1");
		assertThat(table.has("title")).isTrue();
	}

	@Test
	void anUnreadTextIsStillCheckedCellByCell() {
		Path file = write(dir, "Ticket.csv", "id,title,note,contacts,region\nT1,a,x,1,East\nT2,,y,2,West\n");

		assertThatThrownBy(() -> DataLoader.load(template(List.of("Ticket.title")), dir))
				.isInstanceOf(DataLoadException.class)
				.hasMessage(file + ":3:4: error bad-data: Ticket.title: empty, but the field is not optional");
	}
}
