package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loading suites again, with every file read by two threads in chunks of a record or two and batches of
 * a few records, so that chunk cuts (confirmed and refuted), batch boundaries, rows moved over rejected ones
 * and the line numbers of the second chunk are all exercised: the results must be the same as reading row by
 * row.
 */
class ParallelBatchesTest {
	private LoaderSettings saved;

	@BeforeEach
	void parallel() {
		saved = new LoaderSettings();
		SourceLoader.threads = 2;
		SourceLoader.parallelFromBytes = 0;
		SourceLoader.batchSize = 3;
		SourceLoader.chunkBytes = 1;
	}

	@AfterEach
	void restore() {
		saved.restore();
	}

	@TempDir
	Path dir;

	@Test
	void theRecordsAreSplitIntoChunksReadByTwoThreads() {
		TemplateSpec template = template("UTC", source("Ticket", key("id", FieldType.TEXT),
				field("contacts", FieldType.COUNT), field("title", FieldType.TEXT)));
		write(dir, "Ticket.csv", "id,contacts,title\nT1,1,a\nT2,2,b\nT3,3,a\nT4,4,c\nT5,5,b\nT6,6,d\n");
		long before = SourceLoader.parallelBatches.get();
		Table table = DataLoader.load(template, dir).dataset().table("Ticket");
		// the first batch alone (3 records), then T4, T5 and T6 each in a chunk of its own: a chunk of one byte
		// ends at the next line break
		assertThat(SourceLoader.parallelBatches.get() - before).isEqualTo(3);
		assertThat(table.numbers("contacts")).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(table.codes("title")).containsExactly(0, 1, 0, 2, 1, 3);
	}

	@Test
	void aCutInsideAQuotedCellIsRefutedAndTheLinesStayTrue() {
		TemplateSpec template = template("UTC", source("Ticket", key("id", FieldType.TEXT),
				field("contacts", FieldType.COUNT), field("title", FieldType.TEXT)));
		SourceLoader.batchSize = 2;
		write(dir, "Ticket.csv", "id,contacts,title\nT1,1,a\nT2,2,b\nT3,3,\"x\ny\nz\"\nT4,4,c\n\nT5,x,d\nT6,6,e\n");
		long refuted = SourceLoader.refutedCuts.get();
		LoadResult result = DataLoader.load(template, Bindings.byConvention(dir, template),
				LoadOptions.defaults().skipBadRows(dir.resolve("quarantine")));
		assertThat(SourceLoader.refutedCuts.get() - refuted).isPositive();
		Table table = result.dataset().table("Ticket");
		assertThat(table.numbers("contacts")).containsExactly(1, 2, 3, 4, 6);
		LoadReport.SourceReport report = result.report().sources().get(0);
		assertThat(report.firstErrors()).extracting(DataError::line).containsExactly(9L);
		assertThat(report.lines()).isEqualTo(10);
		assertThat(report.blankLines()).isEqualTo(1);
	}

	@Nested
	class Kinds extends CellKindsTest {
	}

	@Nested
	class Errors extends LoadErrorsTest {
	}

	@Nested
	class Skip extends SkipPolicyTest {
	}

	@Nested
	class References extends ReferencesTest {
	}

	@Nested
	class Large extends LargeFileTest {
		@BeforeEach
		void biggerBatches() {
			SourceLoader.batchSize = 97;
		}
	}
}
