package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.yardstick.dsl.generator.sql.DuckDbDialect;
import io.yardstick.dsl.generator.sql.Sql.AggregateFunction;
import io.yardstick.dsl.generator.sql.Sql.Function;
import io.yardstick.dsl.generator.sql.SqlDialect;
import io.yardstick.dsl.generator.sql.SqlScriptGenerator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.junit.jupiter.api.Test;

/** A dialect that lacks what a construct needs refuses it with a positioned finding; it never approximates. */
class SqlRefusalTest {

	@Test
	void aDialectWithoutWindowsRefusesThePreviousRowWhereItIsWritten() throws Exception {
		Path folder = CalculatorCases.ROOT.resolve("per-entity");
		CalculatorCases.Ran ran = CalculatorCases.compileAndRun(folder);

		GeneratorException refused = catchThrowableOfType(GeneratorException.class,
				() -> new SqlScriptGenerator().generate(ran.template(), ran.calculator().template(),
						new WithoutPreviousRow(), ran.options().grain(), ran.results().periods(), List.of(List.of())));

		assertThat(refused.getMessage()).isEqualTo("lacking cannot compute this exactly: it lacks a window over the"
				+ " strictly earlier rows of a partition (the previous row of an entity)"
				+ " (`previous(Order.placedAt per Customer)`)");
		var node = NodeModelUtils.getNode(refused.where());
		assertThat(NodeModelUtils.getTokenText(node)).isEqualTo("previous(Order.placedAt per Customer)");
		assertThat(node.getStartLine()).isEqualTo(51);
	}

	/** DuckDB's spelling without the window the previous row needs. */
	private static final class WithoutPreviousRow implements SqlDialect {
		private final SqlDialect duckDb = DuckDbDialect.INSTANCE;

		@Override
		public String name() {
			return "lacking";
		}

		@Override
		public Map<Capability, String> capabilities() {
			Map<Capability, String> capabilities = new EnumMap<>(duckDb.capabilities());
			capabilities.remove(Capability.PREVIOUS_ROW);
			return capabilities;
		}

		@Override
		public String quote(String identifier) {
			return duckDb.quote(identifier);
		}

		@Override
		public String string(String text) {
			return duckDb.string(text);
		}

		@Override
		public String number(BigDecimal value) {
			return duckDb.number(value);
		}

		@Override
		public String call(Function function, List<String> arguments) {
			return duckDb.call(function, arguments);
		}

		@Override
		public String aggregate(AggregateFunction function, String argument, String filter, double fraction) {
			return duckDb.aggregate(function, argument, filter, fraction);
		}

		@Override
		public List<String> sessionSetup(ZoneId zone) {
			return duckDb.sessionSetup(zone);
		}
	}
}
