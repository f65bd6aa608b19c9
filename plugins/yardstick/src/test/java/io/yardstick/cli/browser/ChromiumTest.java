package io.yardstick.cli.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.yardstick.cli.browser.Chromium.ConsoleMessage;
import io.yardstick.cli.browser.Chromium.Dialog;
import io.yardstick.cli.browser.Chromium.JavaScriptException;
import io.yardstick.cli.browser.Chromium.UncaughtException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser driver against the real Chromium, on small pages written for each test. */
class ChromiumTest {
	private static final String READY = "<script>window.yardstickReady = true;</script>";

	@TempDir
	Path dir;

	private Chromium chromium;

	@BeforeEach
	void launch() throws IOException {
		chromium = Chromium.launch();
	}

	@AfterEach
	void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	/** An HTML page whose body starts on line 2, so that a test can name the line of its scripts. */
	private Path page(String body) throws IOException {
		Path file = dir.resolve("page.html");
		Files.writeString(file, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>\n"
				+ body + "\n</body></html>\n");
		return file;
	}

	private static String url(Path file) {
		return file.toUri().toString();
	}

	@Test
	void reportsConsoleErrorsWarningsAndUncaughtExceptions() throws IOException {
		Path file = page("""
				<script>
				console.error("boom");
				console.warn("careful", 42, {a: 1});
				console.log("not collected");
				window.yardstickReady = true;
				throw new Error("kaput");
				</script>""");

		chromium.open(file);

		assertThat(chromium.consoleMessages()).containsExactly(new ConsoleMessage("error", "boom"),
				new ConsoleMessage("warning", "careful 42 Object"));
		assertThat(chromium.uncaughtExceptions())
				.containsExactly(new UncaughtException("Uncaught Error: kaput", url(file), 7));
		assertThat(chromium.consoleMessages().get(0)).hasToString("console.error: boom");
		assertThat(chromium.uncaughtExceptions().get(0)).hasToString("Uncaught Error: kaput at " + url(file) + ":7");
		assertThat(chromium.dialogs()).isEmpty();
	}

	@Test
	void aCleanPageReportsNothingAndRequestsOnlyItself() throws IOException {
		Path file = page("<p>Hello</p>" + READY);

		chromium.open(file);

		assertThat(chromium.consoleMessages()).isEmpty();
		assertThat(chromium.uncaughtExceptions()).isEmpty();
		assertThat(chromium.logEntries()).isEmpty();
		assertThat(chromium.dialogs()).isEmpty();
		assertThat(chromium.requests()).containsExactly(url(file));
	}

	@Test
	void evaluateReturnsJsonValues() throws IOException {
		chromium.open(page(READY));

		assertThat(chromium.evaluate("1 + 2")).isEqualTo(IntNode.valueOf(3));
		assertThat(chromium.evaluate("document.querySelector('title').textContent")).isEqualTo(TextNode.valueOf("t"));
		assertThat(chromium.evaluate("({a: 1.5, b: ['x', null, true]})"))
				.isEqualTo(new ObjectMapper().readTree("{\"a\": 1.5, \"b\": [\"x\", null, true]}"));
		assertThat(chromium.evaluate("null")).isEqualTo(NullNode.getInstance());
		assertThat(chromium.evaluate("undefined").isMissingNode()).isTrue();
		assertThat(chromium.evaluate("0 / 0")).isEqualTo(DoubleNode.valueOf(Double.NaN));
		assertThat(chromium.evaluate("Promise.resolve('later')")).isEqualTo(TextNode.valueOf("later"));
	}

	@Test
	void evaluateThrowsTheJavaScriptError() throws IOException {
		chromium.open(page(READY));

		assertThatThrownBy(() -> chromium.evaluate("null.x"))
				.isInstanceOf(JavaScriptException.class)
				.hasMessage("Uncaught TypeError: Cannot read properties of null (reading 'x')\nin: null.x");
		assertThatThrownBy(() -> chromium.evaluate("throw new Error('nope')"))
				.isInstanceOf(JavaScriptException.class)
				.hasMessageStartingWith("Uncaught Error: nope\n");
		// What a test evaluates is not the page's own failure.
		assertThat(chromium.uncaughtExceptions()).isEmpty();
	}

	@Test
	void recordsRequestsThatFailOffline() throws IOException {
		Path file = page("<img src=\"http://example.invalid/x.png\">"
				+ "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA=\">" + READY);

		chromium.open(file);

		assertThat(chromium.requests()).containsExactly(url(file), "http://example.invalid/x.png",
				"data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAA=");
		// Reported, not filtered: a test decides which log entries it accepts. The error name depends on the network.
		assertThat(chromium.logEntries()).singleElement().satisfies(entry -> {
			assertThat(entry.level()).isEqualTo("error");
			assertThat(entry.source()).isEqualTo("network");
			assertThat(entry.text()).startsWith("Failed to load resource: net::ERR_");
			assertThat(entry.url()).isEqualTo("http://example.invalid/x.png");
		});
		assertThat(chromium.consoleMessages()).isEmpty();
	}

	@Test
	void dismissesDialogsAndRecordsThem() throws IOException {
		Path file = page("<p id=out></p><script>alert('hi'); out.textContent = confirm('sure?');</script>" + READY);

		chromium.open(file);

		assertThat(chromium.dialogs()).containsExactly(new Dialog("alert", "hi"), new Dialog("confirm", "sure?"));
		assertThat(chromium.evaluate("out.textContent")).isEqualTo(TextNode.valueOf("false"));
	}

	@Test
	void navigateHashWaitsForTheNextRender() throws IOException {
		// Renders late, so that a navigateHash that did not wait would still see the previous view.
		Path file = page("""
				<script>
				function render() {
					window.yardstickReady = false;
					setTimeout(() => {
						document.body.textContent = "view " + decodeURIComponent(location.hash.slice(1));
						window.yardstickReady = true;
					}, 200);
				}
				addEventListener("hashchange", render);
				render();
				</script>""");

		chromium.open(file, "first");
		assertThat(chromium.evaluate("document.body.textContent")).isEqualTo(TextNode.valueOf("view first"));
		chromium.evaluate("window.notReloaded = true");

		chromium.navigateHash("second page");
		assertThat(chromium.evaluate("document.body.textContent")).isEqualTo(TextNode.valueOf("view second page"));
		chromium.navigateHash("#second page");
		assertThat(chromium.evaluate("document.body.textContent")).isEqualTo(TextNode.valueOf("view second page"));

		assertThat(chromium.evaluate("window.notReloaded")).isEqualTo(BooleanNode.TRUE);
		assertThat(chromium.requests()).containsExactly(url(file));
	}

	@Test
	void openLoadsAfreshWhenOnlyTheHashDiffers() throws IOException {
		Path file = page("<p id=out></p><script>out.textContent = location.hash;</script>" + READY);
		chromium.open(file, "a");
		chromium.evaluate("window.marker = 1");

		chromium.open(file, "b");

		assertThat(chromium.evaluate("out.textContent")).isEqualTo(TextNode.valueOf("#b"));
		assertThat(chromium.evaluate("window.marker").isMissingNode()).isTrue();
	}

	@Test
	void aPageThatNeverGetsReadyFailsWithWhatItReported() throws IOException {
		Path file = page("""
				<script>
				console.error("render failed");
				throw new Error("kaput");
				</script>""");
		chromium.pageTimeout(Duration.ofSeconds(1));

		assertThatThrownBy(() -> chromium.open(file))
				.isInstanceOf(CdpException.class)
				.hasMessage(url(file) + " was not ready within 1 s: window.yardstickReady === true stayed false\n"
						+ "The page reported:\n"
						+ "  Uncaught Error: kaput at " + url(file) + ":4\n"
						+ "  console.error: render failed");
	}

	@Test
	void openFailsOnAMissingFile() {
		Path missing = dir.resolve("missing.html");

		assertThatThrownBy(() -> chromium.open(missing))
				.isInstanceOf(CdpException.class)
				.hasMessage("Could not open " + url(missing) + ": net::ERR_FILE_NOT_FOUND");
	}

	@Test
	void screenshotIsAPngOfTheViewport() throws IOException {
		chromium.viewport(320, 200);
		chromium.open(page("<style>body { margin: 0; background: rgb(0, 128, 255); height: 1000px; }</style>" + READY));
		Path png = dir.resolve("shots/viewport.png");

		chromium.screenshot(png);

		byte[] bytes = Files.readAllBytes(png);
		assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
		assertThat(new String(bytes, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
		assertThat(ByteBuffer.wrap(bytes, 16, 8).getInt()).isEqualTo(320);
		assertThat(ByteBuffer.wrap(bytes, 20, 4).getInt()).isEqualTo(200);
		BufferedImage image = ImageIO.read(png.toFile());
		// In the corner where a scrollbar would be.
		assertThat(image.getRGB(318, 198) & 0xffffff).isEqualTo(0x0080ff);
	}

	@Test
	void fullPageScreenshotIsAsTallAsTheContent() throws IOException {
		chromium.viewport(320, 200);
		chromium.open(page("<style>body { margin: 0; } div { height: 1000px; background: red; }</style><div></div>"
				+ READY));
		Path png = dir.resolve("full.png");

		chromium.screenshotFullPage(png);

		BufferedImage image = ImageIO.read(png.toFile());
		assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(320, 1000);
		assertThat(image.getRGB(10, 990) & 0xffffff).isEqualTo(0xff0000);
	}

	@Test
	void aScreenshotOfManyMegabytesArrivesWhole() throws IOException {
		// Random pixels do not compress: the PNG is as big as the image, its base64 a third bigger, sent in fragments.
		chromium.viewport(800, 600);
		chromium.open(page("""
				<style>body { margin: 0; } canvas { display: block; }</style>
				<canvas width="800" height="1500"></canvas>
				<script>
				const context = document.querySelector("canvas").getContext("2d");
				const noise = context.createImageData(800, 1500);
				for (let i = 0; i < noise.data.length; i += 65536) {
					crypto.getRandomValues(noise.data.subarray(i, i + 65536));
				}
				for (let i = 3; i < noise.data.length; i += 4) {
					noise.data[i] = 255;
				}
				context.putImageData(noise, 0, 0);
				context.fillStyle = "rgb(0, 255, 0)";
				context.fillRect(780, 1480, 20, 20);
				window.yardstickReady = true;
				</script>"""));
		Path png = dir.resolve("large.png");

		chromium.screenshotFullPage(png);

		assertThat(Files.size(png)).isGreaterThan(3_000_000);
		BufferedImage image = ImageIO.read(png.toFile());
		assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(800, 1500);
		assertThat(image.getRGB(790, 1490) & 0xffffff).isEqualTo(0x00ff00);
	}
}
