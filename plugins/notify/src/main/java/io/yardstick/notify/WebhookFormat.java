package io.yardstick.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The message formats of the webhooks people use, as their documentation describes them: the body, the signed
 * URL or body where the service signs, and how the service says it took the message.
 */
public enum WebhookFormat {
	/** WeCom (企业微信) group robot: markdown; the key is in the URL. Content at most 4096 bytes. */
	WECOM("wecom", 4096, Set.of(-1, 45009)),
	/** DingTalk custom robot: markdown; optionally signed: timestamp (ms) and HMAC-SHA256 sign in the URL. */
	DINGTALK("dingtalk", 18000, Set.of(-1, 130101)),
	/** Feishu / Lark custom bot: a rich-text post; optionally signed: timestamp (s) and sign in the body. */
	FEISHU("feishu", 18000, Set.of(9499, 11232)),
	/** Slack incoming webhook: mrkdwn text. */
	SLACK("slack", 38000, Set.of()),
	/** Any endpoint: the alerts as a JSON document ({@code yardstick-notification/1}). */
	JSON("json", Integer.MAX_VALUE, Set.of());

	/** The {@code schema} of the generic JSON document. */
	public static final String SCHEMA = "yardstick-notification/1";
	/** At most this many alerts are listed in a chat message; the rest are counted and left to the report. */
	static final int MAX_LINES = 20;

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final String id;
	private final int maxBytes;
	/** The service's error codes that mean "busy, try later" rather than "refused". */
	private final Set<Integer> busyCodes;

	WebhookFormat(String id, int maxBytes, Set<Integer> busyCodes) {
		this.id = id;
		this.maxBytes = maxBytes;
		this.busyCodes = busyCodes;
	}

	/** The name {@code --notify} takes. */
	public String id() {
		return id;
	}

	public static WebhookFormat of(String id) {
		for (WebhookFormat format : values()) {
			if (format.id.equals(id)) {
				return format;
			}
		}
		return null;
	}

	/** Whether the service signs messages with a secret of its own besides the URL. */
	boolean signs() {
		return this == DINGTALK || this == FEISHU;
	}

	/** A timestamp and the signature of it, as the service expects them. */
	record Signature(String timestamp, String sign) {
	}

	/**
	 * DingTalk: Base64 of HMAC-SHA256 over "timestamp\nsecret" keyed with the secret, timestamp in milliseconds.
	 * Feishu: Base64 of HMAC-SHA256 over nothing, keyed with "timestamp\nsecret", timestamp in seconds.
	 */
	Signature sign(long epochMillis, String secret) {
		if (!signs() || secret == null) {
			return null;
		}
		String timestamp = this == DINGTALK ? Long.toString(epochMillis) : Long.toString(epochMillis / 1000);
		String signed = timestamp + "\n" + secret;
		byte[] mac = this == DINGTALK ? hmac(secret, signed.getBytes(StandardCharsets.UTF_8))
				: hmac(signed, new byte[0]);
		return new Signature(timestamp, Base64.getEncoder().encodeToString(mac));
	}

	private static byte[] hmac(String key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(data);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
		}
	}

	/** The URL to post to: DingTalk's signature goes into its query. */
	String url(String base, Signature signature) {
		if (this != DINGTALK || signature == null) {
			return base;
		}
		return base + (base.contains("?") ? "&" : "?") + "timestamp=" + signature.timestamp() + "&sign="
				+ URLEncoder.encode(signature.sign(), StandardCharsets.UTF_8);
	}

	/**
	 * The body for {@code notification}, listing as many alerts as fit the service's limit (at most
	 * {@link #MAX_LINES}; the generic JSON lists all).
	 */
	String body(Notification notification, Signature signature) {
		int shown = this == JSON ? notification.notices().size() : Math.min(MAX_LINES, notification.notices().size());
		while (true) {
			String body = body(notification, shown, signature);
			if (shown == 0 || body.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
				return body;
			}
			shown--;
		}
	}

	private String body(Notification n, int shown, Signature signature) {
		List<Notice> listed = n.notices().subList(0, shown);
		int more = n.notices().size() - shown;
		ObjectNode root = MAPPER.createObjectNode();
		switch (this) {
			case WECOM -> {
				StringBuilder md = new StringBuilder("**").append(markdown(n.title())).append("**\n")
						.append(markdown(n.counts())).append('\n');
				for (Notice notice : listed) {
					String line = markdown(n.line(notice));
					md.append("> ").append(notice.alert().kind().equals("critical")
							? "<font color=\"warning\">" + line + "</font>" : line).append('\n');
				}
				if (more > 0) {
					md.append(markdown(n.more(more))).append('\n');
				}
				md.append(reportMarkdown(n));
				root.put("msgtype", "markdown");
				root.putObject("markdown").put("content", md.toString());
			}
			case DINGTALK -> {
				StringBuilder md = new StringBuilder("#### ").append(markdown(n.title())).append("\n\n")
						.append(markdown(n.counts())).append("\n\n");
				listed.forEach(notice -> md.append("- ").append(markdown(n.line(notice))).append('\n'));
				if (more > 0) {
					md.append("\n").append(markdown(n.more(more))).append('\n');
				}
				md.append("\n").append(reportMarkdown(n));
				root.put("msgtype", "markdown");
				ObjectNode markdown = root.putObject("markdown");
				markdown.put("title", n.title());
				markdown.put("text", md.toString());
			}
			case FEISHU -> {
				if (signature != null) {
					root.put("timestamp", signature.timestamp());
					root.put("sign", signature.sign());
				}
				root.put("msg_type", "post");
				ObjectNode post = root.putObject("content").putObject("post")
						.putObject(n.language().equals("zh") ? "zh_cn" : "en_us");
				post.put("title", n.title());
				ArrayNode content = post.putArray("content");
				textParagraph(content, n.counts());
				listed.forEach(notice -> textParagraph(content, n.line(notice)));
				if (more > 0) {
					textParagraph(content, n.more(more));
				}
				if (isWebLink(n.report())) {
					ArrayNode paragraph = content.addArray();
					paragraph.addObject().put("tag", "text").put("text", n.reportLine().replace(n.report(), ""));
					paragraph.addObject().put("tag", "a").put("text", n.report()).put("href", n.report());
				} else {
					textParagraph(content, n.reportLine());
				}
			}
			case SLACK -> {
				StringBuilder text = new StringBuilder("*").append(slack(n.title())).append("*\n")
						.append(slack(n.counts())).append('\n');
				listed.forEach(notice -> text.append("• ").append(slack(n.line(notice))).append('\n'));
				if (more > 0) {
					text.append(slack(n.more(more))).append('\n');
				}
				text.append(isWebLink(n.report()) ? "<" + n.report() + "|" + slack(n.reportLine()) + ">"
						: slack(n.reportLine()));
				root.put("text", text.toString());
			}
			case JSON -> {
				root.put("schema", SCHEMA);
				root.put("language", n.language());
				root.put("template", n.template());
				root.put("period", n.period());
				root.put("title", n.title());
				root.put("report", n.report());
				ArrayNode alerts = root.putArray("alerts");
				for (Notice notice : n.notices()) {
					ObjectNode alert = alerts.addObject();
					alert.put("kind", notice.alert().kind());
					alert.put("metric", notice.alert().metric());
					alert.put("metricLabel", notice.metricLabel());
					alert.put("period", notice.alert().period());
					alert.put("grouping", notice.alert().grouping());
					ArrayNode group = alert.putArray("group");
					notice.alert().group().forEach(group::add);
					alert.put("groupText", notice.groupText());
					alert.put("value", notice.alert().value());
					alert.put("display", notice.display());
					alert.put("rule", notice.rule());
					alert.put("target", notice.target());
				}
				root.put("text", n.text());
			}
			default -> throw new IllegalStateException(name());
		}
		return root.toString();
	}

	private static void textParagraph(ArrayNode content, String text) {
		content.addArray().addObject().put("tag", "text").put("text", text);
	}

	private static String reportMarkdown(Notification n) {
		if (isWebLink(n.report())) {
			return "[" + markdown(n.reportLine()) + "](" + n.report().replace(")", "%29") + ")";
		}
		return markdown(n.reportLine());
	}

	static boolean isWebLink(String report) {
		return report.startsWith("https://") || report.startsWith("http://");
	}

	/** Markdown's emphasis, link and code characters taken literally. */
	static String markdown(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if ("\\*_[]`".indexOf(c) >= 0) {
				out.append('\\');
			}
			out.append(c);
		}
		return out.toString();
	}

	/** Slack's three control characters, which its mrkdwn reads as markup. */
	static String slack(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * Whether the service took the message, from its answer.
	 *
	 * @throws DeliveryException saying why not, and whether trying again may help
	 */
	void check(int status, String body) throws DeliveryException {
		if (status == 429 || status >= 500) {
			throw new DeliveryException("HTTP " + status, true);
		}
		if (status < 200 || status > 299) {
			throw new DeliveryException("HTTP " + status + answer(body), false);
		}
		switch (this) {
			case WECOM, DINGTALK -> apiCode(body, "errcode", "errmsg");
			case FEISHU -> {
				JsonNode json = parse(body);
				if (json != null && json.has("StatusCode")) {
					apiCode(body, "StatusCode", "StatusMessage");
				} else {
					apiCode(body, "code", "msg");
				}
			}
			case SLACK -> {
				if (!body.strip().equals("ok")) {
					throw new DeliveryException("Slack answered" + answer(body), false);
				}
			}
			default -> {
				// Any 2xx will do.
			}
		}
	}

	private void apiCode(String body, String codeField, String messageField) throws DeliveryException {
		JsonNode json = parse(body);
		if (json == null || !json.path(codeField).canConvertToInt()) {
			throw new DeliveryException("the answer has no " + codeField + answer(body), false);
		}
		int code = json.get(codeField).asInt();
		if (code != 0) {
			throw new DeliveryException(codeField + " " + code + ": " + json.path(messageField).asText(),
					busyCodes.contains(code));
		}
	}

	private static JsonNode parse(String body) {
		try {
			return MAPPER.readTree(body);
		} catch (IOException e) {
			return null;
		}
	}

	/** The start of an answer, for a message. */
	private static String answer(String body) {
		String flat = body.strip().replaceAll("\\s+", " ");
		if (flat.isEmpty()) {
			return "";
		}
		return ": " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
	}
}
