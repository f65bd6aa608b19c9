package io.yardstick.dsl.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.dsl.generator.CalculatorGenerator.GeneratedSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of compiled calculators: what it keeps, when it compiles again, and when it is off. */
class CalculatorCacheTest {
	private static final String NAME = "cached.Greeting";
	private static final String SAYS_A = source("A");
	private static final String SAYS_B = source("B");

	@TempDir
	Path folder;

	@TempDir
	Path lib;

	private static String source(String word) {
		return "package cached;\npublic class Greeting implements java.util.function.Supplier<String> {\n"
				+ "\tpublic String get() { return \"" + word + "\"; }\n}\n";
	}

	@SuppressWarnings("unchecked")
	private static String says(Class<?> compiled) throws Exception {
		return ((Supplier<String>) compiled.getDeclaredConstructor().newInstance()).get();
	}

	private static JavaCompiler javac() {
		return CalculatorCompiler.compiler();
	}

	private List<Path> files() throws Exception {
		try (Stream<Path> listed = Files.list(folder)) {
			return listed.sorted().toList();
		}
	}

	@Test
	void aMissCompilesAndKeepsTheClassFiles() throws Exception {
		CalculatorCache cache = CalculatorCache.in(folder, "runtime 1");
		assertThat(says(cache.compile(NAME, SAYS_A, javac()))).isEqualTo("A");
		Path entry = cache.entry(NAME, SAYS_A, javac());
		assertThat(files()).containsExactly(entry);
		assertThat(CalculatorCache.read(entry)).containsOnlyKeys(NAME);
	}

	@Test
	void aHitLoadsTheKeptClassFilesWithoutCompiling() throws Exception {
		CalculatorCache cache = CalculatorCache.in(folder, "runtime 1");
		// The entry of source A holds the class files of source B: only a run that reads the entry says B.
		Map<String, byte[]> saysB = CalculatorCompiler.compileToClassFiles(NAME, SAYS_B, javac());
		Files.write(cache.entry(NAME, SAYS_A, javac()), CalculatorCache.encode(saysB));
		assertThat(says(cache.compile(NAME, SAYS_A, javac()))).isEqualTo("B");
	}

	@Test
	void aChangedSourceOrRuntimeIsAnotherEntry() throws Exception {
		CalculatorCache cache = CalculatorCache.in(folder, "runtime 1");
		assertThat(says(cache.compile(NAME, SAYS_A, javac()))).isEqualTo("A");
		assertThat(says(cache.compile(NAME, SAYS_B, javac()))).isEqualTo("B");
		Path otherRuntime = CalculatorCache.in(folder, "runtime 2").entry(NAME, SAYS_A, javac());
		assertThat(otherRuntime).isNotEqualTo(cache.entry(NAME, SAYS_A, javac()));
		assertThat(files()).containsExactlyInAnyOrder(cache.entry(NAME, SAYS_A, javac()), cache.entry(NAME, SAYS_B, javac()));
	}

	@Test
	void aDamagedEntryIsCompiledAgainAndReplaced() throws Exception {
		CalculatorCache cache = CalculatorCache.in(folder, "runtime 1");
		Path entry = cache.entry(NAME, SAYS_A, javac());
		byte[] good = CalculatorCache.encode(CalculatorCompiler.compileToClassFiles(NAME, SAYS_A, javac()));
		List<byte[]> damaged = new ArrayList<>();
		damaged.add(new byte[0]);
		damaged.add("not an entry".getBytes(StandardCharsets.US_ASCII));
		damaged.add(java.util.Arrays.copyOf(good, good.length / 2));
		byte[] flipped = good.clone();
		flipped[good.length / 2] ^= 0x40;
		damaged.add(flipped);
		for (byte[] content : damaged) {
			Files.write(entry, content);
			assertThat(CalculatorCache.read(entry)).isNull();
			assertThat(says(cache.compile(NAME, SAYS_A, javac()))).isEqualTo("A");
			assertThat(Files.readAllBytes(entry)).isEqualTo(good);
		}
	}

	@Test
	void anEntryThatDoesNotLoadIsCompiledAgain() throws Exception {
		CalculatorCache cache = CalculatorCache.in(folder, "runtime 1");
		// A well-formed entry whose class file is not one (as a file written by a broken compiler would be).
		Files.write(cache.entry(NAME, SAYS_A, javac()), CalculatorCache.encode(Map.of(NAME, new byte[] { 1, 2, 3 })));
		assertThat(says(cache.compile(NAME, SAYS_A, javac()))).isEqualTo("A");
		assertThat(CalculatorCache.read(cache.entry(NAME, SAYS_A, javac()))).containsOnlyKeys(NAME);
	}

	@Test
	void offCompilesEveryTimeAndWritesNothing() throws Exception {
		CalculatorCache off = CalculatorCache.standard(Map.of(CalculatorCache.ENVIRONMENT_VARIABLE, "off",
				"XDG_CACHE_HOME", folder.toString()), folder.toString(), runtimeJar());
		assertThat(off.enabled()).isFalse();
		assertThat(says(off.compile(NAME, SAYS_A, javac()))).isEqualTo("A");
		assertThat(files()).isEmpty();
	}

	@Test
	void theFolderComesFromTheEnvironment() throws Exception {
		Path jar = runtimeJar();
		Path home = folder.resolve("home");
		Path xdg = folder.resolve("xdg");
		Path chosen = folder.resolve("chosen");
		CalculatorCache inHome = CalculatorCache.standard(Map.of(), home.toString(), jar);
		CalculatorCache inXdg = CalculatorCache.standard(Map.of("XDG_CACHE_HOME", xdg.toString()), home.toString(), jar);
		CalculatorCache named = CalculatorCache.standard(Map.of(CalculatorCache.ENVIRONMENT_VARIABLE, chosen.toString(),
				"XDG_CACHE_HOME", xdg.toString()), home.toString(), jar);
		assertThat(inHome.entry(NAME, SAYS_A, javac()).getParent()).isEqualTo(home.resolve(".cache/yardstick/calculators"));
		assertThat(inXdg.entry(NAME, SAYS_A, javac()).getParent()).isEqualTo(xdg.resolve("yardstick/calculators"));
		assertThat(named.entry(NAME, SAYS_A, javac()).getParent()).isEqualTo(chosen.resolve("calculators"));
		// Without a runtime jar to fingerprint (a build's classes folder), nothing is cached.
		assertThat(CalculatorCache.standard(Map.of(), home.toString(), null).enabled()).isFalse();
	}

	@Test
	void aRebuiltRuntimeJarIsAnotherEntry() throws Exception {
		Path jar = runtimeJar();
		Path before = CalculatorCache.standard(Map.of(), folder.toString(), jar).entry(NAME, SAYS_A, javac());
		Files.writeString(jar, "rebuilt, and longer than before");
		Path after = CalculatorCache.standard(Map.of(), folder.toString(), jar).entry(NAME, SAYS_A, javac());
		assertThat(after).isNotEqualTo(before);
	}

	@Test
	void concurrentRunsShareOneEntry() throws Exception {
		CalculatorCache cache = CalculatorCache.in(folder, "runtime 1");
		ExecutorService runs = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> said = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				said.add(runs.submit(() -> says(cache.compile(NAME, SAYS_A, javac()))));
			}
			for (Future<String> answer : said) {
				assertThat(answer.get()).isEqualTo("A");
			}
		} finally {
			runs.shutdown();
		}
		assertThat(files()).containsExactly(cache.entry(NAME, SAYS_A, javac()));
	}

	@Test
	void aCachedCalculatorComputesTheGoldenValues() throws Exception {
		Path folderOfCase = CalculatorCases.all().findFirst().orElseThrow();
		GeneratedSource source = new CalculatorGenerator().generate(CalculatorCases.template(folderOfCase), null);
		CalculatorCache cache = CalculatorCache.in(folder, "runtime 1");
		String expected = Files.readString(folderOfCase.resolve("expected/values.tsv"), StandardCharsets.UTF_8);
		for (int run = 0; run < 2; run++) {
			Class<?> calculator = cache.compile(source.qualifiedClassName(), source.content(), javac());
			assertThat(CalculatorCases.values(CalculatorCases.run(calculator, folderOfCase))).isEqualTo(expected);
		}
		assertThat(CalculatorCache.read(cache.entry(source.qualifiedClassName(), source.content(), javac())))
				.containsKey(source.qualifiedClassName());
	}

	/** A stand-in for the runtime library's jar: the cache reads only its path, size and time. */
	private Path runtimeJar() throws Exception {
		Path jar = lib.resolve("yardstick-runtime.jar");
		if (!Files.exists(jar)) {
			Files.writeString(jar, "jar");
		}
		return jar;
	}
}
