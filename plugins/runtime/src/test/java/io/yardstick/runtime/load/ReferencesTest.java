package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.reference;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References resolve to the row of the referenced source, whatever order the sources are declared in. */
class ReferencesTest {
	@TempDir
	Path dir;

	@Test
	void aReferenceResolvesToTheRowOfItsKey() {
		// Ticket is declared first; Customer must load first all the same
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), reference("customer", "Customer", true),
				reference("agent", "Agent", false));
		SourceSpec customer = source("Customer", key("id", FieldType.TEXT), field("region", FieldType.TEXT));
		SourceSpec agent = source("Agent", key("number", FieldType.COUNT), field("name", FieldType.TEXT));
		TemplateSpec template = template("UTC", ticket, customer, agent);
		write(dir, "Customer.csv", "id,region\nC7,North\nC3,South\n\" C5\",East\n");
		write(dir, "Agent.csv", "number,name\n10,Li\n20,Wang\n");
		write(dir, "Ticket.csv", "id,customer,agent\nT1,C3,20\nT2,C7,10\nT3,,20.0\nT4, C5, 10 \n");
		LoadResult result = DataLoader.load(template, dir);
		Dataset data = result.dataset();
		assertThat(data.table("Ticket").rowRefs("customer")).containsExactly(1, 0, -1, 2);
		assertThat(data.table("Ticket").rowRefs("agent")).containsExactly(1, 0, 1, 0);
		assertThat(data.table("Customer").dictionary("id").values()).containsExactly("C7", "C3", " C5");
		assertThat(data.table("Agent").numbers("number")).containsExactly(10, 20);
		// the dataset keeps declaration order, the report the load order
		assertThat(data.tables()).extracting(t -> t.name()).containsExactly("Ticket", "Customer", "Agent");
		assertThat(result.report().sources()).extracting(r -> r.source()).containsExactly("Customer", "Agent", "Ticket");
	}

	@Test
	void aKeyThatIsAReferenceChainsLookups() {
		SourceSpec customer = source("Customer", key("id", FieldType.TEXT));
		SourceSpec profile = source("Profile", new FieldSpec("customer", FieldType.REFERENCE, false, true, false, false,
				null, null, null, List.of(), "Customer"), field("tier", FieldType.TEXT));
		SourceSpec order = source("Order", key("id", FieldType.TEXT), reference("profile", "Profile", false));
		TemplateSpec template = template("UTC", order, profile, customer);
		write(dir, "Customer.csv", "id\nC1\nC2\nC3\n");
		write(dir, "Profile.csv", "customer,tier\nC3,gold\nC1,silver\n");
		write(dir, "Order.csv", "id,profile\nO1,C1\nO2,C3\n");
		Dataset data = DataLoader.load(template, dir).dataset();
		assertThat(data.table("Profile").rowRefs("customer")).containsExactly(2, 0);
		assertThat(data.table("Order").rowRefs("profile")).containsExactly(1, 0);

		write(dir, "Order.csv", "id,profile\nO1,C2\n");
		assertThatThrownBy(() -> DataLoader.load(template, dir)).isInstanceOf(DataLoadException.class).hasMessage(
				dir.resolve("Order.csv") + ":2:4: error bad-data: Order.profile: \"C2\" is not a key of Profile");
		write(dir, "Profile.csv", "customer,tier\nC3,gold\nC3,silver\n");
		assertThatThrownBy(() -> DataLoader.load(template, dir)).isInstanceOf(DataLoadException.class).hasMessage(
				dir.resolve("Profile.csv") + ":3:1: error bad-data: Profile.customer: duplicate key \"C3\" (first on line 2)");
	}

	@Test
	void dateAndEnumKeys() {
		SourceSpec day = source("Day", key("day", FieldType.DATE), field("holiday", FieldType.BOOL));
		SourceSpec level = source("Level", new FieldSpec("name", FieldType.ENUM, false, true, false, false, null, null,
				null, List.of("low", "high"), null), field("weight", FieldType.NUMBER));
		SourceSpec visit = source("Visit", key("id", FieldType.TEXT), reference("day", "Day", false),
				reference("level", "Level", false));
		TemplateSpec template = template("Asia/Shanghai", day, level, visit);
		write(dir, "Day.csv", "day,holiday\n2025-03-01,false\n2025-03-02,true\n");
		write(dir, "Level.csv", "name,weight\nhigh,2\nlow,1\n");
		write(dir, "Visit.csv", "id,day,level\nV1,2025-03-02,low\nV2,2025-03-01,high\n");
		Dataset data = DataLoader.load(template, dir).dataset();
		assertThat(data.table("Visit").rowRefs("day")).containsExactly(1, 0);
		assertThat(data.table("Visit").rowRefs("level")).containsExactly(1, 0);
		write(dir, "Visit.csv", "id,day,level\nV1,2025-03-03,low\n");
		assertThatThrownBy(() -> DataLoader.load(template, dir)).isInstanceOf(DataLoadException.class).hasMessage(
				dir.resolve("Visit.csv") + ":2:4: error bad-data: Visit.day: \"2025-03-03\" is not a key of Day");
		write(dir, "Visit.csv", "id,day,level\nV1,someday,low\n");
		assertThatThrownBy(() -> DataLoader.load(template, dir)).isInstanceOf(DataLoadException.class).hasMessage(
				dir.resolve("Visit.csv") + ":2:4: error bad-data: Visit.day: \"someday\" is not a key of Day");
	}
}
