package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a consultant does with a new template: {@code sample-data}, then {@code run} on what it wrote. */
class SampleDataRunTest {
	@TempDir
	Path dir;

	@Test
	void aClientTemplateThatExtendsAnotherRunsOnDataDrawnFromItsFieldsWithoutARejectedRow() {
		Path template = Cli.exampleTemplates().getParent().resolve("acme-after-sales");
		Path data = dir.resolve("data");

		Cli.Result sampled = Cli.run("sample-data", template.toString(), "--generic", "--rows", "400", "--months", "4",
				"--out", data.toString());
		Cli.Result ran = Cli.run("run", template.toString(), "--data", data.toString(), "--out",
				dir.resolve("out").toString());

		assertThat(sampled.exit()).as(sampled.err()).isEqualTo(0);
		assertThat(sampled.out()).contains("Ticket.csv: 400 rows\n").contains("Customer.csv: 80 rows\n");
		assertThat(ran.exit()).as(ran.err()).isEqualTo(0);
		assertThat(ran.out()).contains("Customer: 81 lines, 80 records read from " + data.resolve("Customer.csv")
				+ ", 80 loaded, 0 rejected").contains(", 400 loaded, 0 rejected").doesNotContain("rejected (");
	}

	@Test
	void aTemplateWhoseDataBlockSaysGbkAndSemicolonsRunsOnItsSampleDataWithProgressShownMeanwhile() throws Exception {
		Path template = Files.writeString(dir.resolve("client.kpi"), """
				package client
				template Client {
					timezone "Asia/Shanghai"
					source Order {
						key orderId: text
						placedAt: timestamp time
						amount: currency(CNY)
						region: text dimension
					}
					dimension region { Order.region }
					data Order {
						encoding "GBK"  delimiter ";"  decimal ","  thousands "."  currency "￥"
						timestamp "yyyy/M/d H:mm"
						orderId = "订单号"  placedAt = "下单时间"  amount = "金额"  region = "区域"
					}
					layer management {
						metric revenue "营业额": currency(CNY) higher-is-better { = sum(Order.amount) }
					}
				}
				""");
		Path data = dir.resolve("data");

		Cli.Result sampled = Cli.run(true, "sample-data", template.toString(), "--rows", "700", "--out",
				data.toString());
		Cli.Result ran = Cli.run("run", template.toString(), "--data", data.toString(), "--out",
				dir.resolve("out").toString());

		assertThat(sampled.exit()).as(sampled.err()).isEqualTo(0);
		assertThat(sampled.out()).isEqualTo(data.resolve("Order.csv") + ": 700 rows\n");
		assertThat(sampled.err()).startsWith("\ryardstick: writing Order 700/700 rows (100%)").endsWith("\r");
		assertThat(ran.exit()).as(ran.err()).isEqualTo(0);
		assertThat(ran.out()).contains("Order: 701 lines, 700 records read from " + data.resolve("Order.csv")
				+ ", 700 loaded, 0 rejected");
	}
}
