package io.yardstick.runtime.load;

import static io.yardstick.runtime.load.Fixtures.key;
import static io.yardstick.runtime.load.Fixtures.source;
import static io.yardstick.runtime.load.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.yardstick.runtime.spec.FieldType;
import io.yardstick.runtime.spec.TemplateSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingsTest {
	private static final TemplateSpec TEMPLATE = template("UTC", source("Ticket", key("id", FieldType.TEXT)),
			source("Customer", key("id", FieldType.TEXT)));

	@Test
	void byConventionEachSourceIsItsNameDotCsv() {
		assertThat(Bindings.byConvention(Path.of("data"), TEMPLATE)).containsExactly(
				entry("Ticket", Path.of("data", "Ticket.csv")), entry("Customer", Path.of("data", "Customer.csv")));
	}

	@Test
	void explicitBindingsOverrideTheConvention() {
		Map<String, Path> bindings = Bindings.resolve(TEMPLATE, Path.of("data"),
				List.of("Ticket=exports/tickets-2025.csv", " Customer = crm.csv "));
		assertThat(bindings).containsExactly(entry("Ticket", Path.of("exports/tickets-2025.csv")),
				entry("Customer", Path.of("crm.csv")));
		assertThat(Bindings.resolve(TEMPLATE, null, List.of("Ticket=t.csv")))
				.containsExactly(entry("Ticket", Path.of("t.csv")));
		assertThat(Bindings.parse("Ticket=a=b.csv")).isEqualTo(entry("Ticket", Path.of("a=b.csv")));
	}

	@Test
	void malformedBindingsSayWhatIsWrong() {
		assertThatThrownBy(() -> Bindings.parse("Ticket")).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("malformed binding \"Ticket\": no '='; expected Source=path, such as Ticket=data/tickets.csv");
		assertThatThrownBy(() -> Bindings.parse("=t.csv")).hasMessage(
				"malformed binding \"=t.csv\": no source name before '='; expected Source=path, such as Ticket=data/tickets.csv");
		assertThatThrownBy(() -> Bindings.parse("Ticket=")).hasMessage(
				"malformed binding \"Ticket=\": no file after '='; expected Source=path, such as Ticket=data/tickets.csv");
		assertThatThrownBy(() -> Bindings.parse("my tickets=t.csv")).hasMessage("malformed binding \"my tickets=t.csv\":"
				+ " \"my tickets\" is not a source name; expected Source=path, such as Ticket=data/tickets.csv");
		assertThatThrownBy(() -> Bindings.resolve(TEMPLATE, null, List.of("Tiket=t.csv")))
				.hasMessage("binding \"Tiket=t.csv\" names no source of Support; its sources are Ticket, Customer");
	}
}
