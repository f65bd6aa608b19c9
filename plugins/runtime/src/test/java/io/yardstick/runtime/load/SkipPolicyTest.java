package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.read;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.load.LoadReport.SourceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SKIP: bad rows go to the quarantine file with their reason, are counted, and take their dependants along. */
class SkipPolicyTest {
	@TempDir
	Path dir;

	@Test
	void rejectedRowsAreQuarantinedCountedAndTakeTheirReferrersAlong() {
		Path customers = write(dir, "Customer.csv", """
				id,region,signedAt
				C1,North,2024-01-15
				C2,South,2024-02-30
				C3,"East, ""new""\",2024-03-01
				""");
		write(dir, "Ticket.csv", """
				id,customer,createdAt,status,contacts,csat,cost,reopened,note
				T1,C1,2025-03-01T08:30,open,1,5,12.50,false,ok
				T2,C2,2025-03-01T09:00,open,1,5,12.50,false,refers to C2
				T3,C3,2025-03-01T10:00,urgent,1,5,12.50,false,"multi
				line"
				T4,C3,2025-03-01T11:00,closed,2,,7,true,
				T1,C1,2025-03-01T12:00,open,1,4,1,false,dup
				T5,C1,2025-03-01T13:00,open,1,5,1
				T6,C4,2025-03-01T14:00,open,1,5,1,false,unknown customer
				""");
		Path quarantine = dir.resolve("rejected");
		LoadResult result = DataLoader.load(LoadErrorsTest.TEMPLATE, Bindings.byConvention(dir, LoadErrorsTest.TEMPLATE),
				LoadOptions.defaults().skipBadRows(quarantine));

		assertThat(read(quarantine.resolve("Customer.rejected.csv"))).isEqualTo("""
				line,endLine,reason,id,region,signedAt
				3,3,"Customer.signedAt: ""2024-02-30"" is not a real date",C2,South,2024-02-30
				""");
		assertThat(read(quarantine.resolve("Ticket.rejected.csv"))).isEqualTo("""
				line,endLine,reason,id,customer,createdAt,status,contacts,csat,cost,reopened,note
				3,3,"Ticket.customer: ""C2"" is not a key of Customer: its row (%s line 3) was rejected",\
				T2,C2,2025-03-01T09:00,open,1,5,12.50,false,refers to C2
				4,5,"Ticket.status: ""urgent"" is not one of open, resolved, closed",\
				T3,C3,2025-03-01T10:00,urgent,1,5,12.50,false,"multi
				line"
				7,7,"Ticket.id: duplicate key ""T1"" (first on line 2)",T1,C1,2025-03-01T12:00,open,1,4,1,false,dup
				8,8,"Ticket: 7 cells, but the header has 9",T5,C1,2025-03-01T13:00,open,1,5,1
				9,9,"Ticket.customer: ""C4"" is not a key of Customer",T6,C4,2025-03-01T14:00,open,1,5,1,false,unknown customer
				""".formatted(customers));

		SourceReport customer = result.report().source("Customer");
		assertThat(customer.rowsRead()).isEqualTo(3);
		assertThat(customer.rowsLoaded()).isEqualTo(2);
		assertThat(customer.rowsRejected()).isEqualTo(1);
		assertThat(customer.quarantineFile()).isEqualTo(quarantine.resolve("Customer.rejected.csv"));
		SourceReport ticket = result.report().source("Ticket");
		assertThat(ticket.rowsRead()).isEqualTo(7);
		assertThat(ticket.rowsLoaded()).isEqualTo(2);
		assertThat(ticket.rowsRejected()).isEqualTo(5);
		assertThat(ticket.ignoredColumns()).containsExactly("note");
		assertThat(ticket.firstErrors()).extracting(DataError::toText).first()
				.isEqualTo(dir.resolve("Ticket.csv") + ":3:4: error bad-data: Ticket.customer: \"C2\" is not a key of"
						+ " Customer: its row (" + customers + " line 3) was rejected");
		assertThat(result.report().summary()).isEqualTo("""
				Customer: 4 lines, 3 records read from %1$s/Customer.csv, 2 loaded, 1 rejected (written to %1$s/rejected/Customer.rejected.csv)
				Ticket: 9 lines, 7 records read from %1$s/Ticket.csv, 2 loaded, 5 rejected (written to %1$s/rejected/Ticket.rejected.csv); ignored columns: note
				  %1$s/Ticket.csv:4:47: warning multi-line-cell: Ticket (column "note"): a quoted cell spans lines 4-5 (2 lines); if its text is not meant to hold line breaks, a quote is missing or stray there
				2 sources: 13 lines, 10 records read, 4 loaded, 6 rejected; 1 quoted cell spans lines (see the warnings above)""".formatted(dir));

		// the loaded rows, and their references to the right customers: C3 is row 1 once C2 is gone
		Table customerTable = result.dataset().table("Customer");
		assertThat(customerTable.dictionary("id").values()).containsExactly("C1", "C3");
		assertThat(customerTable.codes("id")).containsExactly(0, 1);
		assertThat(customerTable.dictionary("region").values()).containsExactly("North", "East, \"new\"");
		Table tickets = result.dataset().table("Ticket");
		assertThat(tickets.rows()).isEqualTo(2);
		assertThat(tickets.rowRefs("customer")).containsExactly(0, 1);
		assertThat(tickets.codes("status")).containsExactly(0, 2);
		assertThat(tickets.numbers("csat")).containsExactly(5, Double.NaN);
	}

	@Test
	void aCleanSourceHasNoQuarantineFileAndAStaleOneIsRemoved() throws Exception {
		write(dir, "Customer.csv", "id,region,signedAt\nC1,North,2024-01-15\n");
		write(dir, "Ticket.csv", "id,customer,createdAt,status,contacts,csat,cost,reopened\n");
		Path quarantine = dir.resolve("rejected");
		Path stale = write(quarantine, "Customer.rejected.csv", "line,reason,id,region,signedAt\n9,old,C9,x,y\n");
		LoadResult result = DataLoader.load(LoadErrorsTest.TEMPLATE, Bindings.byConvention(dir, LoadErrorsTest.TEMPLATE),
				LoadOptions.defaults().skipBadRows(quarantine));
		assertThat(result.report().source("Customer").quarantineFile()).isNull();
		assertThat(result.report().rowsRejected()).isZero();
		assertThat(Files.exists(stale)).isFalse();
	}

	@Test
	void fileProblemsStopWhateverThePolicy() {
		write(dir, "Customer.csv", "id,region\nC1,North\n");
		assertThatThrownBy(() -> DataLoader.load(LoadErrorsTest.TEMPLATE,
				Bindings.byConvention(dir, LoadErrorsTest.TEMPLATE), LoadOptions.defaults().skipBadRows(dir)))
				.isInstanceOf(DataLoadException.class)
				.hasMessage(dir.resolve("Customer.csv") + ":1:1: error bad-data: Customer.signedAt: missing column"
						+ " \"signedAt\" in " + dir.resolve("Customer.csv") + "; its columns are id, region; map the field to"
						+ " its column in the template: data Customer { signedAt = \"…\" }");
	}

	@Test
	void skippingNeedsAQuarantineFolder() {
		assertThatThrownBy(() -> LoadOptions.defaults().skipBadRows(null)).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("skipping bad rows needs a quarantine folder for them");
	}

	@Test
	void malformedBytesAreWrittenAsReplacementCharacters() throws Exception {
		Path file = dir.resolve("Customer.csv");
		Files.write(file, new byte[] {'i', 'd', ',', 'r', 'e', 'g', 'i', 'o', 'n', ',', 's', 'i', 'g', 'n', 'e', 'd', 'A',
				't', '\n', 'C', '1', ',', 'N', (byte) 0xFF, ',', '2', '0', '2', '4', '-', '0', '1', '-', '0', '1', '\n'});
		write(dir, "Ticket.csv", "id,customer,createdAt,status,contacts,csat,cost,reopened\n");
		Path quarantine = dir.resolve("q");
		DataLoader.load(LoadErrorsTest.TEMPLATE, Bindings.byConvention(dir, LoadErrorsTest.TEMPLATE),
				LoadOptions.defaults().skipBadRows(quarantine));
		assertThat(read(quarantine.resolve("Customer.rejected.csv"))).isEqualTo(
				"line,endLine,reason,id,region,signedAt\n2,2,Customer.region: malformed UTF-8: byte 0xff,C1,N\uFFFD,2024-01-01\n");
	}
}
