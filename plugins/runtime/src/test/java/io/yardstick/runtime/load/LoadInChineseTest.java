package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.currency;
import static io.yardstick.runtime.load.Fixtures.duration;
import static io.yardstick.runtime.load.Fixtures.enumeration;
import static io.yardstick.runtime.load.Fixtures.field;
import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.optional;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static io.yardstick.runtime.load.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading in Chinese ({@link LoadOptions#inLanguage}): the same errors at the same places as in English, in
 * Chinese words; rejected rows counted by reason whatever their lines; and English unless Chinese is asked for.
 */
class LoadInChineseTest {
	private static final TemplateSpec TEMPLATE = template("UTC", source("Order", key("id", FieldType.TEXT),
			field("createdAt", FieldType.TIMESTAMP), currency("amount", "CNY"), optional("note", FieldType.TEXT),
			enumeration("channel", true, "web", "shop"), duration("wait", "h", true)));

	@TempDir
	Path dir;

	private DataLoadException failure(String csv, LoadOptions options) {
		write(dir, "Order.csv", "id,createdAt,amount,note,channel,wait\n" + csv);
		return catchThrowableOfType(DataLoadException.class,
				() -> DataLoader.load(TEMPLATE, Bindings.byConvention(dir, TEMPLATE), options));
	}

	private String message(String csv, String language) {
		DataError error = failure(csv, LoadOptions.defaults().inLanguage(language)).errors().get(0);
		return error.toText(language).replace(dir.toString(), "DIR");
	}

	@Test
	void eachCellKindIsRefusedInChineseAtTheSamePlace() {
		assertThat(message("O1,2025-01-01,12.50 USD,,web,1\n", "zh"))
				.isEqualTo("DIR/Order.csv:2:15: 错误 bad-data: Order.amount: \"12.50 USD\" 的币种是 USD，应为 CNY");
		assertThat(message("O1,2025-01-01,12.50 USD,,web,1\n", "en"))
				.isEqualTo("DIR/Order.csv:2:15: error bad-data: Order.amount: \"12.50 USD\" is in USD, expected CNY");
		assertThat(message("O1,2025-01-01,1,,mail,1\n", "zh"))
				.isEqualTo("DIR/Order.csv:2:18: 错误 bad-data: Order.channel: \"mail\" 不是以下值之一：web, shop");
		assertThat(message("O1,2025-01-01,1,,web,P1M\n", "zh"))
				.isEqualTo("DIR/Order.csv:2:22: 错误 bad-data: Order.wait: \"P1M\" 不是时长：月和年的长度不固定（请用天或周）");
		assertThat(message("O1,2025-01-01,1,,web,soon\n", "zh")).isEqualTo("DIR/Order.csv:2:22: 错误 bad-data: Order.wait:"
				+ " \"soon\" 不是时长（以小时计的数字、带单位的数字如 90min 或 2h，或 ISO 8601 如 PT2H30M）");
		assertThat(message("O1,2025-01-01,1,\"say \"hi\",web,1\n", "zh"))
				.isEqualTo("DIR/Order.csv:2:17: 错误 bad-data: Order: 带引号的单元格的右引号后面有多余的 \"h\"");
	}

	@Test
	void rowsRejectedForTheSameReasonOnOtherLinesCountAsOneReason() {
		StringBuilder csv = new StringBuilder();
		for (int i = 1; i <= 4; i++) {
			csv.append("O").append(i).append(",2025-01-01,1,\"a\nb\",\"web\nshop\",1\n");
		}
		DataLoadException failure = failure(csv.toString(), LoadOptions.defaults().inLanguage("zh-CN")
				.skipBadRows(dir.resolve("rejected")).withMaxBadRows(BadRowLimit.parse("1")));
		assertThat(failure.errors().get(0).message()).isEqualTo("读取的 4 行中拒绝了 4 行（100.0%），超过上限 1 行"
				+ "（--max-bad-rows）；按原因：\n  4 × Order.channel: 带引号的单元格跨第 … 行，但 enum 字段不能包含换行："
				+ "那里可能缺了一个引号或多了一个引号");
	}

	@Test
	void aQuotedCellOverLinesIsAWarningInChinese() {
		write(dir, "Order.csv", "id,createdAt,amount,note,channel,wait\nO1,2025-01-01,1,\"a\nb\",web,1\n");
		LoadResult loaded = DataLoader.load(TEMPLATE, Bindings.byConvention(dir, TEMPLATE),
				LoadOptions.defaults().inLanguage("zh"));
		assertThat(loaded.report().summary("zh").replace(dir.toString(), "DIR")).isEqualTo(
				"Order：3 行，从 DIR/Order.csv 读取 1 条记录，加载 1 条，拒绝 0 条\n"
						+ "  DIR/Order.csv:2:17: 警告 multi-line-cell: Order.note: 带引号的单元格跨第 2-3 行（共 2 行）；"
						+ "如果它的文本本不该包含换行，那里缺了一个引号或多了一个引号\n"
						+ "1 个数据源：3 行，读取 1 条记录，加载 1 条，拒绝 0 条；1 个带引号的单元格跨行（见上面的警告）");
	}

	@Test
	void englishUnlessChineseIsAskedFor() {
		assertThat(LoadOptions.defaults().language()).isEqualTo("en");
		assertThat(List.of(LoadOptions.defaults().inLanguage("zh_TW").language(),
				LoadOptions.defaults().inLanguage("fr").language(), LoadOptions.defaults().inLanguage(" ").language()))
				.containsExactly("zh", "en", "en");
		assertThat(LoadOptions.defaults().inLanguage("zh").skipBadRows(dir).withMaxCellLines(3).language()).isEqualTo("zh");
	}
}
