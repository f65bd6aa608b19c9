package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.currency;
import static io.yardstick.runtime.load.Fixtures.duration;
import static io.yardstick.runtime.load.Fixtures.enumeration;
import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.instant;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.optional;
import static io.yardstick.runtime.load.Fixtures.score;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static io.yardstick.runtime.load.Fixtures.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind read from its accepted cell forms, and nulls. */
class CellKindsTest {
	@TempDir
	Path dir;

	private Table load(TemplateSpec template, String source, String csv) {
		write(dir, source + ".csv", csv);
		return DataLoader.load(template, dir).dataset().table(source);
	}

	@Test
	void numericKinds() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), optional("contacts", FieldType.COUNT),
				optional("amount", FieldType.NUMBER), optional("rate", FieldType.RATIO),
				optional("share", FieldType.PERCENT), score("csat", true, 1.0, 5.0), score("free", true, null, null),
				new io.yardstick.runtime.spec.FieldSpec("cost", FieldType.CURRENCY, true, false, false, false, "CNY",
						null, null, List.of(), null));
		Table table = load(template("UTC", ticket), "Ticket", """
				id,contacts,amount,rate,share,csat,free,cost
				T1,3,-2.5,1.25,95%,4,-100,12.50 CNY
				T2,0,1e3,.5,0.95,1,2.5E-3,-3
				T3, 12 ,+7.,-0.25,12.5 %,5,1234567890123456789,7  CNY
				T4,,,,,,,
				T5,2.0,0.1,3,100%,2.5,0,0
				T6,1,1,1,0%,3,1,15
				""");
		assertThat(table.rows()).isEqualTo(6);
		assertThat(table.numbers("contacts")).containsExactly(3, 0, 12, Double.NaN, 2, 1);
		assertThat(table.numbers("amount")).containsExactly(-2.5, 1000, 7, Double.NaN, 0.1, 1);
		assertThat(table.numbers("rate")).containsExactly(1.25, 0.5, -0.25, Double.NaN, 3, 1);
		assertThat(table.numbers("share")).containsExactly(0.95, 0.95, 0.125, Double.NaN, 1, 0);
		assertThat(table.numbers("csat")).containsExactly(4, 1, 5, Double.NaN, 2.5, 3);
		assertThat(table.numbers("free")).containsExactly(-100, 0.0025, 1234567890123456789.0, Double.NaN, 0, 1);
		assertThat(table.numbers("cost")).containsExactly(12.5, -3, 7, Double.NaN, 0, 15);
	}

	@Test
	void durationsInTheFieldsUnitWithASuffixOrIso() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), duration("hours", "h", true),
				duration("plain", null, true), duration("days", "d", true));
		Table table = load(template("UTC", ticket), "Ticket", """
				id,hours,plain,days
				T1,1.5,90,2
				T2,PT2H30M,PT0.5S,P1DT2H
				T3,90min,2h,P2W
				T4,-PT30S,45 s,1.5 d
				T5,,,
				T6,pt1h,P1D,2w
				""");
		assertThat(table.numbers("hours")).containsExactly(5400, 9000, 5400, -30, Double.NaN, 3600);
		assertThat(table.numbers("plain")).containsExactly(90, 0.5, 7200, 45, Double.NaN, 86400);
		assertThat(table.numbers("days")).containsExactly(172800, 93600, 1209600, 129600, Double.NaN, 1209600);
	}

	@Test
	void timestampsLocalInTheTemplateZoneOrWithTheirOffset() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), optional("at", FieldType.TIMESTAMP),
				optional("day", FieldType.DATE));
		Table table = load(template("Asia/Shanghai", ticket), "Ticket", """
				id,at,day
				T1,2025-03-01T08:30:00,2025-03-01
				T2,2025-03-01T08:30,2025-12-31
				T3,2025-03-01 08:30:00,
				T4,2025-03-01T08:30:00+08:00,1970-01-01
				T5,2025-03-01T08:30:00Z,2024-02-29
				T6,2025-03-01T08:30:00-05:30,1900-01-01
				T7,2025-03-01,2300-06-01
				T8,2025-03-01T08:30:00.1239,
				T9,,
				T10,2025-03-01 08:30+0100,
				T11,1969-12-31T23:59:59.5Z,
				""");
		assertThat(table.times("at")).containsExactly(instant("2025-03-01T00:30:00Z"), instant("2025-03-01T00:30:00Z"),
				instant("2025-03-01T00:30:00Z"), instant("2025-03-01T00:30:00Z"), instant("2025-03-01T08:30:00Z"),
				instant("2025-03-01T14:00:00Z"), instant("2025-02-28T16:00:00Z"), instant("2025-03-01T00:30:00.123Z"),
				Long.MIN_VALUE, instant("2025-03-01T07:30:00Z"), instant("1969-12-31T23:59:59.500Z"));
		assertThat(table.times("day")).containsExactly(instant("2025-02-28T16:00:00Z"),
				instant("2025-12-30T16:00:00Z"), Long.MIN_VALUE, instant("1969-12-31T16:00:00Z"),
				instant("2024-02-28T16:00:00Z"), instant("1899-12-31T15:54:17Z"), instant("2300-05-31T16:00:00Z"),
				Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);
	}

	@Test
	void localTimesAcrossDaylightSavingTransitions() {
		SourceSpec event = source("Event", key("id", FieldType.TEXT), field("at", FieldType.TIMESTAMP),
				field("day", FieldType.DATE));
		Table table = load(template("Europe/Berlin", event), "Event", """
				id,at,day
				winter,2025-01-15T12:00,2025-01-15
				summer,2025-07-01T12:00,2025-07-01
				gap,2025-03-30T02:30,2025-03-30
				overlap,2025-10-26T02:30,2025-10-26
				overlapWithOffset,2025-10-26T02:30+01:00,2025-10-27
				afterGap,2025-03-30T03:00,2025-03-31
				""");
		assertThat(table.times("at")).containsExactly(instant("2025-01-15T11:00:00Z"), instant("2025-07-01T10:00:00Z"),
				// in the gap: moved forward by the gap's hour, 03:30 CEST
				instant("2025-03-30T01:30:00Z"),
				// in the overlap: the earlier offset, +02:00
				instant("2025-10-26T00:30:00Z"), instant("2025-10-26T01:30:00Z"), instant("2025-03-30T01:00:00Z"));
		assertThat(table.times("day")).containsExactly(instant("2025-01-14T23:00:00Z"),
				instant("2025-06-30T22:00:00Z"), instant("2025-03-29T23:00:00Z"), instant("2025-10-25T22:00:00Z"),
				instant("2025-10-26T23:00:00Z"), instant("2025-03-30T22:00:00Z"));
	}

	@Test
	void textBoolAndEnum() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), optional("title", FieldType.TEXT),
				optional("region", FieldType.TEXT), optional("reopened", FieldType.BOOL),
				enumeration("status", true, "open", "resolved", "closed"));
		Table table = load(template("UTC", ticket), "Ticket", """
				id,title,region,reopened,status
				T1,Printer jam,华北,true,open
				T2,"Hello, ""world""\",South,FALSE,closed
				T3," padded ",华北,1,resolved
				T4,,,,
				T5,"two
				lines",South,0, closed\s
				T6,"",North,True,open
				""");
		assertThat(table.codes("title")).containsExactly(0, 1, 2, -1, 3, -1);
		assertThat(table.dictionary("title").values()).containsExactly("Printer jam", "Hello, \"world\"", " padded ",
				"two\nlines");
		assertThat(table.codes("region")).containsExactly(0, 1, 0, -1, 1, 2);
		assertThat(table.dictionary("region").values()).containsExactly("华北", "South", "North");
		assertThat(table.flags("reopened")).containsExactly(1, 0, 1, -1, 0, 1);
		assertThat(table.codes("status")).containsExactly(0, 2, 1, -1, 2, 0);
		// an unreferenced text key is checked for uniqueness, not kept
		assertThat(table.has("id")).isFalse();
	}

	@Test
	void keptKeysAreADictionaryWhoseCodesAreTheRows() {
		SourceSpec customer = source("Customer", key("id", FieldType.TEXT));
		write(dir, "Customer.csv", "id\nC7\nC3\nC5\n");
		Table table = DataLoader.load(template("UTC", customer), Bindings.byConvention(dir, template("UTC", customer)),
				LoadOptions.defaults().keepingUnreferencedKeys(true)).dataset().table("Customer");
		assertThat(table.codes("id")).containsExactly(0, 1, 2);
		assertThat(table.dictionary("id").values()).containsExactly("C7", "C3", "C5");
	}

	@Test
	void aKeyAFormulaReadsOrThatIsADimensionIsKept() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), field("contacts", FieldType.COUNT));
		TemplateSpec reading = new TemplateSpec("demo.Support", java.util.Map.of(), java.time.ZoneId.of("UTC"),
				List.of(ticket), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of("Ticket.id"));
		Table table = load(reading, "Ticket", "id,contacts\nT2,1\nT1,2\n");
		assertThat(table.codes("id")).containsExactly(0, 1);
		assertThat(table.dictionary("id").values()).containsExactly("T2", "T1");

		SourceSpec dimension = source("Region", new io.yardstick.runtime.spec.FieldSpec("name", FieldType.TEXT, false,
				true, true, false, null, null, null, List.of(), null));
		table = load(template("UTC", dimension), "Region", "name\nNorth\nSouth\n");
		assertThat(table.dictionary("name").values()).containsExactly("North", "South");
	}

	@Test
	void nonTextKeysAreKept() {
		SourceSpec day = source("Day", key("day", FieldType.DATE), field("visitors", FieldType.COUNT));
		Table table = load(template("UTC", day), "Day", "day,visitors\n2025-03-01,10\n2025-03-02,12\n");
		assertThat(table.times("day")).containsExactly(instant("2025-03-01T00:00:00Z"), instant("2025-03-02T00:00:00Z"));
	}

	@Test
	void byteOrderMarkCrLfAndExtraColumns() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), field("contacts", FieldType.COUNT),
				optional("note", FieldType.TEXT));
		byte[] text = "id,extra,contacts,note\r\nT1,x,1,\"a\r\nb\"\r\n\r\nT2,y,2,\"c,d\"\r\nT3,z,3,last".getBytes(
				StandardCharsets.UTF_8);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);
		writeBytes(dir, "Ticket.csv", withBom);
		LoadResult result = DataLoader.load(template("UTC", ticket), dir);
		Table table = result.dataset().table("Ticket");
		assertThat(table.numbers("contacts")).containsExactly(1, 2, 3);
		assertThat(table.dictionary("note").values()).containsExactly("a\r\nb", "c,d", "last");
		assertThat(result.report().source("Ticket").ignoredColumns()).containsExactly("extra");
		assertThat(result.report().source("Ticket").rowsRead()).isEqualTo(3);
	}

	@Test
	void headerNamesAreTrimmedAndFieldsMayComeInAnyOrder() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), field("contacts", FieldType.COUNT));
		Table table = load(template("UTC", ticket), "Ticket", " contacts , id\n4,T1\n");
		assertThat(table.numbers("contacts")).containsExactly(4);
	}

	@Test
	void anEmptySourceHasNoRows() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), field("contacts", FieldType.COUNT));
		Table table = load(template("UTC", ticket), "Ticket", "id,contacts\n");
		assertThat(table.rows()).isZero();
		assertThat(table.numbers("contacts")).isEmpty();
	}

	@Test
	void progressIsReportedFromZeroToTheFileSize() {
		SourceSpec ticket = source("Ticket", key("id", FieldType.TEXT), field("contacts", FieldType.COUNT));
		StringBuilder csv = new StringBuilder("id,contacts\n");
		for (int i = 0; i < 20_000; i++) {
			csv.append('T').append(i).append(',').append(i % 7).append('\n');
		}
		Path file = write(dir, "Ticket.csv", csv.toString());
		long size = file.toFile().length();
		List<long[]> calls = new ArrayList<>();
		TemplateSpec template = template("UTC", ticket);
		DataLoader.load(template, Bindings.byConvention(dir, template),
				LoadOptions.defaults().withProgress((source, done, total) -> {
					assertThat(source).isEqualTo("Ticket");
					calls.add(new long[] {done, total});
				}));
		assertThat(calls.get(0)).containsExactly(0, size);
		assertThat(calls.get(calls.size() - 1)).containsExactly(size, size);
		assertThat(calls.size()).isBetween(3, 103);
		for (int i = 1; i < calls.size(); i++) {
			assertThat(calls.get(i)[0]).isGreaterThan(calls.get(i - 1)[0]);
		}
	}
}
