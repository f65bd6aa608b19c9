package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.optional;
import static io.yardstick.runtime.load.Fixtures.reference;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.data.Dataset;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.spec.FieldSpec;
import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dictionary codes follow the order of first appearance among the rows kept, whatever the threads and chunks:
 * output order depends on them. Loads the same files on one thread and on two with several chunk and batch
 * sizes, with rejected rows whose texts appear nowhere else, and compares every column, code and dictionary.
 */
class ThreadCountTest {
	private static final TemplateSpec TEMPLATE = template("Asia/Shanghai",
			source("Customer", key("id", FieldType.TEXT), field("region", FieldType.TEXT),
					optional("tier", FieldType.TEXT)),
			source("Ticket", key("id", FieldType.TEXT), reference("customer", "Customer", false),
					optional("title", FieldType.TEXT), field("contacts", FieldType.COUNT),
					field("createdAt", FieldType.TIMESTAMP)));

	private LoaderSettings saved;

	@TempDir
	Path dir;

	@BeforeEach
	void save() {
		saved = new LoaderSettings();
	}

	@AfterEach
	void restore() {
		saved.restore();
	}

	@Test
	void oneThreadAndTwoGiveTheSameCodesAndRows() {
		writeFiles(new Random(21));
		Dataset alone = load(1, 16_384, 2L << 20, CsvReader.DEFAULT_BUFFER);
		assertThat(alone.table("Ticket").rows()).isBetween(18_000, 19_900);
		assertThat(alone.table("Ticket").dictionary("title").values()).noneMatch(value -> value.startsWith("rejected"));
		// batch, chunk, read buffer
		long[][] sizes = { { 16_384, 4_000, CsvReader.DEFAULT_BUFFER }, { 64, 997, 1 << 16 }, { 7, 1, 512 },
				{ 1, 50, 100 } };
		for (long[] size : sizes) {
			long taken = SourceLoader.parallelBatches.get();
			Dataset both = load(2, (int) size[0], size[1], (int) size[2]);
			assertThat(SourceLoader.parallelBatches.get()).as("chunks read on the workers").isGreaterThan(taken);
			for (String source : List.of("Customer", "Ticket")) {
				assertSame(alone.table(source), both.table(source), "batch " + size[0] + ", chunk " + size[1]);
			}
		}
	}

	private static void assertSame(Table expected, Table actual, String setting) {
		String what = expected.name() + " with " + setting;
		assertThat(actual.rows()).as(what).isEqualTo(expected.rows());
		for (FieldSpec field : expected.spec().fields()) {
			String name = field.name();
			assertThat(actual.has(name)).as(what + ": " + name).isEqualTo(expected.has(name));
			if (!expected.has(name)) {
				continue;
			}
			switch (field.type().storage()) {
			case NUMBER -> assertThat(actual.numbers(name)).as(what + ": " + name).containsExactly(expected.numbers(name));
			case TIME -> assertThat(actual.times(name)).as(what + ": " + name).containsExactly(expected.times(name));
			case CODE -> assertThat(actual.codes(name)).as(what + ": " + name).containsExactly(expected.codes(name));
			case ROW -> assertThat(actual.rowRefs(name)).as(what + ": " + name).containsExactly(expected.rowRefs(name));
			case FLAG -> assertThat(actual.flags(name)).as(what + ": " + name).containsExactly(expected.flags(name));
			default -> throw new IllegalStateException();
			}
			if (field.type() == FieldType.TEXT) {
				assertThat(actual.dictionary(name).values()).as(what + ": " + name + " dictionary")
						.containsExactlyElementsOf(expected.dictionary(name).values());
			}
		}
	}

	private Dataset load(int threadCount, int batch, long chunk, int buffer) {
		SourceLoader.readBufferSize = buffer;
		SourceLoader.threads = threadCount;
		SourceLoader.parallelFromBytes = threadCount > 1 ? 0 : Long.MAX_VALUE;
		SourceLoader.batchSize = batch;
		SourceLoader.chunkBytes = chunk;
		return DataLoader.load(TEMPLATE, Bindings.byConvention(dir, TEMPLATE),
				LoadOptions.defaults().skipBadRows(dir.resolve("quarantine"))).dataset();
	}

	/** Customers in shuffled order; tickets with texts of every frequency, bad cells, duplicate keys, blank lines. */
	private void writeFiles(Random random) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < 3_000; i++) {
			order.add(i);
		}
		Collections.shuffle(order, random);
		StringBuilder customers = new StringBuilder("id,region,tier\n");
		for (int i : order) {
			customers.append("C").append(i).append(",region ").append(random.nextInt(40)).append(',')
					.append(random.nextInt(5) == 0 ? "" : "tier " + random.nextInt(3)).append('\n');
		}
		write(dir, "Customer.csv", customers.toString());
		StringBuilder tickets = new StringBuilder("id,customer,title,contacts,createdAt\n");
		for (int i = 0; i < 20_000; i++) {
			int kind = random.nextInt(100);
			String id = kind == 0 && i > 0 ? "T" + random.nextInt(i) : "T" + i;
			String title = switch (random.nextInt(4)) {
			case 0 -> "";
			case 1 -> "title " + random.nextInt(8);
			case 2 -> "title " + random.nextInt(5_000);
			default -> "\"a title, " + random.nextInt(300) + "\"";
			};
			String contacts = String.valueOf(random.nextInt(9));
			if (kind == 1) {
				title = "rejected " + i;
				contacts = "many";
			}
			tickets.append(id).append(",C").append(random.nextInt(3_000)).append(',').append(title).append(',')
					.append(contacts).append(",2026-03-").append(10 + random.nextInt(20)).append("T0")
					.append(random.nextInt(10)).append(":15:00\n");
			if (kind == 2) {
				tickets.append('\n');
			}
		}
		write(dir, "Ticket.csv", tickets.toString());
	}
}
