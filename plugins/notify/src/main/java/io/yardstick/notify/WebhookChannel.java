package io.yardstick.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** A webhook in one of the {@link WebhookFormat}s, posted to with the JDK's HTTP client. */
public final class WebhookChannel implements Channel {
	static final Duration TIMEOUT = Duration.ofSeconds(15);
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER).build();

	private final String name;
	private final WebhookFormat format;
	private final String url;
	private final String secret;
	private final LongSupplier clock;

	/**
	 * @param secret the signing secret of DingTalk or Feishu, or null
	 * @param clock the time in epoch milliseconds, which signatures carry
	 */
	public WebhookChannel(String name, WebhookFormat format, String url, String secret, LongSupplier clock) {
		this.name = name;
		this.format = format;
		this.url = url;
		this.secret = secret;
		this.clock = clock;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public void send(Notification notification) throws DeliveryException {
		WebhookFormat.Signature signature = format.sign(clock.getAsLong(), secret);
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(URI.create(format.url(url, signature))).timeout(TIMEOUT)
					.header("Content-Type", "application/json; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(format.body(notification, signature),
							StandardCharsets.UTF_8))
					.build();
		} catch (IllegalArgumentException e) {
			// The message of a bad URI quotes it: say only that it is bad.
			throw new DeliveryException("the webhook URL is not a valid http(s) URL", false);
		}
		HttpResponse<String> response;
		try {
			response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new DeliveryException(describe(e), true);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("interrupted", false);
		}
		format.check(response.statusCode(), response.body());
	}

	static String describe(IOException e) {
		String message = e.getMessage();
		return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
	}

	/** The URL, its query values and its long path segments (Slack's and Feishu's tokens), and the secret. */
	@Override
	public List<String> secrets() {
		List<String> secrets = new ArrayList<>(List.of(url));
		if (secret != null) {
			secrets.add(secret);
		}
		int query = url.indexOf('?');
		String path = query < 0 ? url : url.substring(0, query);
		int hostEnd = path.indexOf('/', path.indexOf("//") + 2);
		if (hostEnd > 0) {
			for (String segment : path.substring(hostEnd).split("/")) {
				if (segment.length() >= 16) {
					secrets.add(segment);
				}
			}
		}
		if (query >= 0) {
			for (String parameter : url.substring(query + 1).split("&")) {
				int equals = parameter.indexOf('=');
				secrets.add(equals < 0 ? parameter : parameter.substring(equals + 1));
			}
		}
		return secrets;
	}
}
