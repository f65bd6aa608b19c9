package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.load.LoadOutOfMemoryError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Out of memory is no bug: the message says what ran out, the data's size and how to raise the heap. */
class OutOfMemoryAdviceTest {
	@Test
	void whileLoadingItNamesTheFileTheDataAndALargerHeap() {
		LoadOutOfMemoryError error = new LoadOutOfMemoryError("Java heap space", "Ticket", Path.of("data/Ticket.csv"),
				1_000_000_000L, 1_200_000_000L, 256L << 20);
		assertThat(OutOfMemoryAdvice.of(new IllegalStateException("wrapped", error))).isEqualTo("""
				yardstick: out of memory (Java heap space) while loading Ticket from data/Ticket.csv (1.0 GB; the data \
				files are 1.2 GB in all), with a Java heap that may grow to 268.4 MB
				Give Java more memory, such as 3g: with the launcher, JAVA_OPTS=-Xmx3g ./yardstick ...; with the jar, \
				java -Xmx3g -jar yardstick.jar ... (loading keeps about 70% of a CSV file's size: see docs/data.md, \
				speed and memory)""");
	}

	@Test
	void withLanguageZhTheAdviceIsChinese() {
		LoadOutOfMemoryError error = new LoadOutOfMemoryError("Java heap space", "Ticket", Path.of("data/Ticket.csv"),
				-1, 900, 256L << 20);
		assertThat(OutOfMemoryAdvice.of(error, CliTexts.of("zh"))).isEqualTo("""
				yardstick：加载 Ticket（data/Ticket.csv，大小未知；数据文件共 900 字节）时内存不足（Java heap space），\
				Java 堆最多可增长到 268.4 MB
				请给 Java 更多内存，例如 1g：使用启动脚本时 JAVA_OPTS=-Xmx1g ./yardstick ...；使用 jar 时 \
				java -Xmx1g -jar yardstick.jar ...（加载会占用约为 CSV 文件大小 70% 的内存：见 docs/data.md 的“速度与内存”）""");
	}

	@Test
	void elsewhereItNamesTheHeap() {
		assertThat(OutOfMemoryAdvice.advice(new OutOfMemoryError("GC overhead limit exceeded"), 1_500_000_000L))
				.startsWith("yardstick: out of memory (GC overhead limit exceeded), with a Java heap that may grow to"
						+ " 1.5 GB\nGive Java more memory, such as 3g: with the launcher, JAVA_OPTS=-Xmx3g ./yardstick");
	}

	@Test
	void otherFailuresGetNoAdvice() {
		assertThat(OutOfMemoryAdvice.of(new IllegalStateException(new StackOverflowError()))).isNull();
	}

	@Test
	void aSmallHeapIsAtLeastDoubledInWholeGigabytes() {
		assertThat(OutOfMemoryAdvice.suggestedHeap(0, 64L << 20)).isEqualTo("1g");
		assertThat(OutOfMemoryAdvice.suggestedHeap(4_100_000_000L, 1L << 30)).isEqualTo("9g");
	}
}
