package io.yardstick.notify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Turns {@code --notify TYPE[:NAME]} into channels. Everything a channel needs comes from environment variables
 * named {@code YARDSTICK_NOTIFY_<NAME>_*} (NAME defaults to TYPE), never from the command line, where URLs with
 * keys and passwords would land in shell histories and process lists. Messages name the variables, never their
 * values.
 */
public final class ChannelSpecs {
	/** The types {@code --notify} takes; lark is Feishu's international name. */
	public static final List<String> TYPES = List.of("wecom", "dingtalk", "feishu", "lark", "slack", "json", "email");
	static final String PREFIX = "YARDSTICK_NOTIFY_";
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"]+@[^\\s<>,;\"]+");

	private ChannelSpecs() {
	}

	/**
	 * The channels of the {@code --notify} values, in order.
	 *
	 * @throws IllegalArgumentException saying which value or variable is wrong and what it should be
	 */
	public static List<Channel> parse(List<String> specs, Map<String, String> environment, LongSupplier clock) {
		return parse(specs, environment, clock, "en");
	}

	/** The refusals' words: {@code specs_en.properties}, {@code specs_zh.properties}. */
	static final String SPECS = "io/yardstick/notify/specs";

	private static io.yardstick.runtime.text.Texts texts(String language) {
		return io.yardstick.runtime.text.Texts.of(SPECS, NotifyTexts.language(language));
	}

	/** {@link #parse(List, Map, LongSupplier)} with its refusals in a language: zh or en ({@link NotifyTexts}). */
	public static List<Channel> parse(List<String> specs, Map<String, String> environment, LongSupplier clock,
			String language) {
		List<Channel> channels = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (String spec : specs) {
			int colon = spec.indexOf(':');
			String type = (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
			String name = colon < 0 ? type : spec.substring(colon + 1).trim();
			if (!TYPES.contains(type)) {
				throw new IllegalArgumentException(
						texts(language).get("spec.unknownType", spec, type, String.join(", ", TYPES)));
			}
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException(texts(language).get("spec.badName", spec));
			}
			String variablePrefix = PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
			String channelName = colon < 0 ? type : type + ":" + name;
			if (!names.add(variablePrefix)) {
				throw new IllegalArgumentException(texts(language).get("spec.sameName", spec, variablePrefix));
			}
			Variables variables = new Variables(environment, variablePrefix, "--notify " + spec, language);
			channels.add(type.equals("email") ? email(channelName, variables, clock)
					: webhook(channelName, type.equals("lark") ? WebhookFormat.FEISHU : WebhookFormat.of(type),
							variables, clock));
		}
		return List.copyOf(channels);
	}

	private static Channel webhook(String name, WebhookFormat format, Variables variables, LongSupplier clock) {
		String url = variables.required("URL", "url");
		if (!url.startsWith("https://") && !url.startsWith("http://")) {
			throw variables.wrong("URL", "notHttp");
		}
		String secret = variables.optional("SECRET");
		if (secret != null && !format.signs()) {
			throw variables.wrong("SECRET", "unsigned", format.id());
		}
		return new WebhookChannel(name, format, url, secret, clock);
	}

	private static Channel email(String name, Variables variables, LongSupplier clock) {
		String host = variables.required("HOST", "host");
		String startTlsText = variables.optional("STARTTLS");
		if (startTlsText != null && !startTlsText.equals("true") && !startTlsText.equals("false")) {
			throw variables.wrong("STARTTLS", "notBoolean");
		}
		boolean startTls = "true".equals(startTlsText);
		String portText = variables.optional("PORT");
		int port = startTls ? 587 : 25;
		if (portText != null) {
			try {
				port = Integer.parseInt(portText);
			} catch (NumberFormatException e) {
				port = -1;
			}
			if (port < 1 || port > 65535) {
				throw variables.wrong("PORT", "notPort");
			}
		}
		String from = address(variables, "FROM", variables.required("FROM", "from"));
		List<String> to = new ArrayList<>();
		for (String recipient : variables.required("TO", "to").split(",")) {
			to.add(address(variables, "TO", recipient.trim()));
		}
		String user = variables.optional("USER");
		String password = variables.optional("PASSWORD");
		if ((user == null) != (password == null)) {
			throw variables.wrong(user == null ? "PASSWORD" : "USER", "withoutOther",
					variables.prefix + (user == null ? "USER" : "PASSWORD"));
		}
		return new SmtpChannel(name, new SmtpChannel.Settings(host, port, from, to, user, password, startTls), clock);
	}

	private static String address(Variables variables, String suffix, String address) {
		if (!ADDRESS.matcher(address).matches()) {
			throw variables.wrong(suffix, "notAddress");
		}
		return address;
	}

	/** The variables of one channel. */
	private static final class Variables {
		final String prefix;
		private final Map<String, String> environment;
		private final String option;
		private final String language;

		Variables(Map<String, String> environment, String prefix, String option, String language) {
			this.environment = environment;
			this.prefix = prefix;
			this.option = option;
			this.language = language;
		}

		String optional(String suffix) {
			String value = environment.get(prefix + suffix);
			return value == null || value.isBlank() ? null : value.trim();
		}

		/** @param what the key after {@code spec.what.} of what the variable holds */
		String required(String suffix, String what) {
			String value = optional(suffix);
			if (value == null) {
				throw new IllegalArgumentException(texts(language).get("spec.notSet", option,
						texts(language).get("spec.what." + what), prefix + suffix));
			}
			return value;
		}

		/** @param problem the key after {@code spec.wrong.} of what is wrong with the variable */
		IllegalArgumentException wrong(String suffix, String problem, Object... arguments) {
			return new IllegalArgumentException(option + ": " + prefix + suffix + " "
					+ texts(language).get("spec.wrong." + problem, arguments));
		}
	}
}
