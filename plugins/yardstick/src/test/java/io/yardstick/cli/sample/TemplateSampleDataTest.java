package io.yardstick.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.dsl.pipeline.CompiledTemplate;
import io.yardstick.dsl.pipeline.ComputeEngine;
import io.yardstick.dsl.pipeline.JavaEngine;
import io.yardstick.dsl.pipeline.Pipeline;
import io.yardstick.dsl.pipeline.SourceData;
import io.yardstick.dsl.workspace.ProgressListener;
import io.yardstick.runtime.calc.Grouping;
import io.yardstick.runtime.calc.RunOptions;
import io.yardstick.runtime.data.Table;
import io.yardstick.runtime.load.Bindings;
import io.yardstick.runtime.load.LoadOptions;
import io.yardstick.runtime.load.LoadResult;
import io.yardstick.runtime.results.GroupingResult;
import io.yardstick.runtime.results.Results;
import io.yardstick.runtime.spec.DimensionSpec;
import io.yardstick.runtime.spec.SourceSpec;
import io.yardstick.runtime.spec.TemplateSpec;
import io.yardstick.runtime.time.Grain;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sample data drawn from any template's fields: loaded by {@code run} without a rejected row, and computed. */
class TemplateSampleDataTest {
	private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
	private static final int MONTHS = 6;

	@TempDir
	Path dir;

	/** Every folder of example-templates that holds a template (a client template extending one included). */
	static Stream<Path> exampleTemplates() throws Exception {
		Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../../example-templates")
				.normalize();
		try (Stream<Path> folders = Files.list(root)) {
			return folders.filter(Files::isDirectory).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("exampleTemplates")
	void everyExampleTemplateLoadsWithoutARejectedRowAndComputesEveryMetric(Path folder) throws Exception {
		CompiledTemplate compiled = compile(folder);
		TemplateSpec spec = compiled.spec();
		TemplateSampleData generator = TemplateSampleData.of(compiled.generated().selected().template(), spec,
				new TemplateSampleData.Settings(1_500, 7, FROM, MONTHS));

		List<TemplateSampleData.Written> written = generator.write(dir, TemplateSampleData.Progress.NONE);

		assertThat(written).extracting(TemplateSampleData.Written::source)
				.containsExactlyInAnyOrderElementsOf(spec.sources().stream().map(SourceSpec::name).toList());
		LoadResult loaded = Pipeline.load(compiled, Bindings.byConvention(dir, spec), LoadOptions.defaults());
		assertThat(loaded.report().rowsRejected()).isZero();
		Map<String, Long> sizes = TemplateSampleData.sizes(spec, 1_500);
		for (TemplateSampleData.Written file : written) {
			assertThat(loaded.dataset().table(file.source()).rows()).as(file.source())
					.isEqualTo(sizes.get(file.source()).intValue())
					.isEqualTo((int) file.rows());
		}
		List<Grouping> groupings = new ArrayList<>(List.of(Grouping.TOTAL));
		for (DimensionSpec dimension : spec.dimensions()) {
			groupings.add(new Grouping(List.of(dimension.name())));
		}
		Results results;
		try (ComputeEngine java = new JavaEngine()) {
			results = Pipeline.compute(compiled, java, SourceData.loaded(loaded.dataset()),
					new RunOptions(Grain.MONTH, groupings, null, null));
		}
		assertThat(results.periods().count()).isGreaterThanOrEqualTo(MONTHS);
		GroupingResult total = results.total();
		for (int m = 0; m < spec.metrics().size(); m++) {
			boolean someValue = false;
			for (int p = 0; p < results.periods().count(); p++) {
				someValue |= !Double.isNaN(total.value(m, p, 0));
			}
			assertThat(someValue).as("a value of " + spec.metrics().get(m).id()).isTrue();
		}
		for (DimensionSpec dimension : spec.dimensions()) {
			assertThat(results.grouping(dimension.name()).groups()).as(dimension.name()).hasSizeGreaterThan(1);
		}
	}

	@Test
	void referencedSourcesGetOneRowForEveryFiveOfTheirLargestReferrerAndAtLeastTen() throws Exception {
		TemplateSpec spec = compile(exampleTemplates().filter(f -> f.endsWith("after-sales-standard")).findFirst()
				.orElseThrow()).spec();

		assertThat(TemplateSampleData.sizes(spec, 1_000)).containsExactlyInAnyOrderEntriesOf(
				Map.of("Customer", 200L, "Ticket", 1_000L, "Sale", 1_000L));
		assertThat(TemplateSampleData.sizes(spec, 12)).containsEntry("Customer", 10L).containsEntry("Ticket", 12L);
	}

	private static final String ORDERS = """
			package shop
			template Shop {
				timezone "Europe/Berlin"
				source Customer { key customerId: text  region: text dimension  since: date }
				source Order {
					key orderId: text
					customer -> Customer
					previousAt: timestamp?
					placedAt: timestamp time
					packedAt: timestamp?
					shippedAt: timestamp?
					deliveredAt: timestamp?
					dueOn: date?
					amount: currency(EUR)
					status: enum(open, shipped, returned)
					rating: score(1..5)?
					wait: duration(h)?
					gift: bool
				}
				dimension region { Customer.region, Order.customer.region }
				layer management {
					metric gap "Gap": duration(d) lower-is-better { = avg(Order.placedAt - Order.previousAt) }
					metric packing "Packing": duration(h) lower-is-better { = avg(Order.packedAt - Order.placedAt) }
					metric shipping "Shipping": duration(h) lower-is-better { = avg(Order.shippedAt - Order.placedAt) }
					metric delivery "Delivery": duration(h) lower-is-better { = avg(Order.deliveredAt - Order.shippedAt) }
					metric slack "Slack": duration(d) higher-is-better { = avg(Order.dueOn - Order.deliveredAt) }
					metric revenue "Revenue": currency(EUR) higher-is-better { = sum(Order.amount) }
				}
			}
			""";

	@Test
	void aTimeAFormulaSubtractsFromAnotherComesBeforeItAndTimesMeasuredFromOneStartKeepTheirOrder() throws Exception {
		Path template = Files.writeString(dir.resolve("shop.kpi"), ORDERS);
		CompiledTemplate compiled = compile(template);
		TemplateSpec spec = compiled.spec();
		Path data = dir.resolve("data");
		TemplateSampleData.of(compiled.generated().selected().template(), spec,
				new TemplateSampleData.Settings(4_000, 3, LocalDate.of(2025, 3, 1), 8)).write(data,
						TemplateSampleData.Progress.NONE);

		Table orders = Pipeline.load(compiled, Bindings.byConvention(data, spec), LoadOptions.defaults()).dataset()
				.table("Order");
		long[] previous = orders.times("previousAt");
		long[] placed = orders.times("placedAt");
		long[] packed = orders.times("packedAt");
		long[] shipped = orders.times("shippedAt");
		long[] delivered = orders.times("deliveredAt");
		long[] due = orders.times("dueOn");
		long start = LocalDate.of(2025, 3, 1).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant().toEpochMilli();
		long end = LocalDate.of(2025, 11, 1).atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant().toEpochMilli();
		int[] seen = new int[5];
		for (int row = 0; row < orders.rows(); row++) {
			assertThat(placed[row]).isBetween(start, end - 1);
			if (row > 0) {
				assertThat(placed[row]).as("the time axis in file order").isGreaterThanOrEqualTo(placed[row - 1]);
			}
			seen[0] += ordered(previous[row], placed[row]);
			seen[1] += ordered(placed[row], shipped[row]);
			seen[2] += ordered(shipped[row], delivered[row]);
			seen[3] += ordered(delivered[row], due[row]);
			seen[4] += ordered(packed[row], shipped[row]);
		}
		for (int pairs : seen) {
			assertThat(pairs).isGreaterThan(orders.rows() / 2);
		}
	}

	/** 1 when both times are there, in order; 0 when one is null; fails when they are out of order. */
	private static int ordered(long earlier, long later) {
		if (earlier == Long.MIN_VALUE || later == Long.MIN_VALUE) {
			return 0;
		}
		assertThat(later).isGreaterThanOrEqualTo(earlier);
		return 1;
	}

	@Test
	void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
		Path template = Files.writeString(dir.resolve("shop.kpi"), ORDERS);
		CompiledTemplate compiled = compile(template);
		for (String run : List.of("a", "b")) {
			TemplateSampleData.of(compiled.generated().selected().template(), compiled.spec(),
					new TemplateSampleData.Settings(2_000, 11, FROM, MONTHS)).write(dir.resolve(run),
							TemplateSampleData.Progress.NONE);
		}
		TemplateSampleData.of(compiled.generated().selected().template(), compiled.spec(),
				new TemplateSampleData.Settings(2_000, 12, FROM, MONTHS)).write(dir.resolve("c"),
						TemplateSampleData.Progress.NONE);

		for (String file : List.of("Customer.csv", "Order.csv")) {
			assertThat(Files.readAllBytes(dir.resolve("a").resolve(file)))
					.isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(file)))
					.isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve(file)));
		}
		List<String> customers = Files.readAllLines(dir.resolve("a/Customer.csv"));
		assertThat(customers.get(0)).isEqualTo("customerId,region,since");
		assertThat(customers.get(1)).matches("C-000001,Region [A-E],2025-01-01");
	}

	private static final String GBK_ORDERS = """
			package client
			template Client {
				timezone "Asia/Shanghai"
				source Order {
					key orderId: text
					placedAt: timestamp time
					paidOn: date?
					amount: currency(CNY)
					share: percent?
					region: text dimension
				}
				dimension region { Order.region
					value "华东" "East China"@en
					value "华北" "North China"@en
				}
				data Order {
					encoding "GBK"
					delimiter ";"
					decimal ","
					thousands "."
					currency "￥"
					timestamp "yyyy/M/d H:mm"
					date "yyyy/M/d"
					orderId = "订单号"
					placedAt = "下单时间"
					paidOn = "付款日期"
					amount = "金额"
					share = "占比"
					region = "区域"
				}
				layer management {
					metric revenue "营业额": currency(CNY) higher-is-better { = sum(Order.amount) }
					metric wait "付款等待": duration(d) lower-is-better { = avg(Order.paidOn - Order.placedAt) }
				}
			}
			""";

	@Test
	void aDataBlockIsWrittenAsItSaysAndReadBackWithoutARejectedRow() throws Exception {
		Path template = Files.writeString(dir.resolve("client.kpi"), GBK_ORDERS);
		CompiledTemplate compiled = compile(template);
		Path data = dir.resolve("data");
		TemplateSampleData.of(compiled.generated().selected().template(), compiled.spec(),
				new TemplateSampleData.Settings(3_000, 5, FROM, MONTHS)).write(data, TemplateSampleData.Progress.NONE);

		byte[] bytes = Files.readAllBytes(data.resolve("Order.csv"));
		assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)))
				.isInstanceOf(CharacterCodingException.class);
		List<String> lines = List.of(new String(bytes, Charset.forName("GBK")).split("\n"));
		assertThat(lines).hasSize(3_001);
		assertThat(lines.get(0)).isEqualTo("订单号;下单时间;付款日期;金额;占比;区域");
		assertThat(lines.get(1)).matches("O-000001;2025/1/1 \\d{1,2}:\\d\\d;(2025/\\d{1,2}/\\d{1,2})?;￥[0-9.]+,\\d\\d;"
				+ "(\\d+,\\d%)?;(华东|华北)");
		assertThat(lines).anyMatch(line -> line.matches(".*;￥\\d{1,3}\\.\\d{3},\\d\\d;.*"));
		LoadResult loaded = Pipeline.load(compiled, Bindings.byConvention(data, compiled.spec()), LoadOptions.defaults());
		assertThat(loaded.report().rowsRejected()).isZero();
		assertThat(loaded.dataset().table("Order").rows()).isEqualTo(3_000);
	}

	@Test
	void aSymbolTheEncodingCannotWriteIsRefusedBeforeAnyFileIsWritten() throws Exception {
		Path template = Files.writeString(dir.resolve("client.kpi"),
				GBK_ORDERS.replace("currency \"￥\"", "currency \"¥\""));
		CompiledTemplate compiled = compile(template);
		TemplateSampleData generator = TemplateSampleData.of(compiled.generated().selected().template(),
				compiled.spec(), new TemplateSampleData.Settings(10, 5, FROM, MONTHS));

		assertThatThrownBy(() -> generator.write(dir.resolve("data"), TemplateSampleData.Progress.NONE))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("Order.amount: \"¥\" cannot be written in GBK, the encoding its data block declares");
		assertThat(dir.resolve("data/Order.csv")).doesNotExist();
	}

	@Test
	void aTextAFormulaComparesWithIsDrawnAmongTheComparedTextsAndOneOther() throws Exception {
		Path template = Files.writeString(dir.resolve("support.kpi"), """
				package support
				template Support {
					source Customer { key customerId: text  tier: text  since: date }
					source Ticket { key ticketId: text  customer -> Customer  channel: text  note: text?  at: timestamp time }
					layer management {
						metric phone "Phone": percent { = share(Ticket.channel = "phone") }
						metric written "Written": count { = count(Ticket where Ticket.channel in ("chat", "mail")) }
						metric gold "Gold": count { = count(Ticket where Ticket.customer.tier != "gold") }
					}
				}
				""");
		CompiledTemplate compiled = compile(template);
		Path data = dir.resolve("data");
		TemplateSampleData.of(compiled.generated().selected().template(), compiled.spec(),
				new TemplateSampleData.Settings(1_000, 2, FROM, MONTHS)).write(data, TemplateSampleData.Progress.NONE);

		assertThat(column(data.resolve("Ticket.csv"), 2)).containsExactlyInAnyOrder("phone", "chat", "mail",
				"Channel other");
		assertThat(column(data.resolve("Customer.csv"), 1)).containsExactlyInAnyOrder("gold", "Tier other");
		assertThat(Files.readAllLines(data.resolve("Ticket.csv")).get(1)).matches("T-000001,C-\\d{6},\\w+( other)?,"
				+ "(note 1)?,2025-01-01T.*");
	}

	/** The distinct cells of a column of a plain CSV file without quoted cells. */
	private static java.util.Set<String> column(Path file, int index) throws java.io.IOException {
		return Files.readAllLines(file).stream().skip(1).map(line -> line.split(",", -1)[index])
				.collect(java.util.stream.Collectors.toSet());
	}

	@Test
	void progressIsToldEvery65536RowsAndAtTheEnd() throws Exception {
		Path template = Files.writeString(dir.resolve("client.kpi"), GBK_ORDERS);
		CompiledTemplate compiled = compile(template);
		List<String> told = new ArrayList<>();

		TemplateSampleData.of(compiled.generated().selected().template(), compiled.spec(),
				new TemplateSampleData.Settings(140_000, 5, FROM, MONTHS)).write(dir,
						(source, done, total) -> told.add(source + " " + done + "/" + total));

		assertThat(told).containsExactly("Order 65536/140000", "Order 131072/140000", "Order 140000/140000");
	}

	/** A template whose key is a bool: no more than two rows could have distinct keys. */
	static final String BOOL_KEY = """
			package flags
			template Flags {
				source Flag { key on: bool  at: timestamp time }
				layer management { metric flags "Flags": count higher-is-better { = count(Flag) } }
			}
			""";

	@Test
	void aKeyNoUniqueValuesCanBeDrawnForIsRefusedWithItsName() throws Exception {
		Path template = Files.writeString(dir.resolve("flags.kpi"), BOOL_KEY);
		CompiledTemplate compiled = compile(template);

		assertThatThrownBy(() -> TemplateSampleData.of(compiled.generated().selected().template(), compiled.spec(),
				new TemplateSampleData.Settings(10, 1, FROM, MONTHS))).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("Flag.on: a key of kind bool cannot be given a unique value per row");
	}

	private static CompiledTemplate compile(Path template) throws Exception {
		return Pipeline.compile(Pipeline.generate(Pipeline.select(template, null, ProgressListener.NONE), null));
	}
}
