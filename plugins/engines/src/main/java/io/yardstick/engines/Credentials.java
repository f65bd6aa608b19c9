package io.yardstick.engines;

import java.util.Map;
import java.util.Properties;

/**
 * Database credentials from the environment, never from the command line: they would show in the shell's
 * history and the process list. Nothing here is ever printed.
 */
public final class Credentials {
	public static final String USER = "YARDSTICK_JDBC_USER";
	public static final String PASSWORD = "YARDSTICK_JDBC_PASSWORD";

	private Credentials() {
	}

	/** The user and password the environment gives, as JDBC connection properties. */
	public static Properties fromEnvironment(Map<String, String> environment) {
		Properties properties = new Properties();
		String user = environment.get(USER);
		String password = environment.get(PASSWORD);
		if (user != null && !user.isEmpty()) {
			properties.setProperty("user", user);
		}
		if (password != null && !password.isEmpty()) {
			properties.setProperty("password", password);
		}
		return properties;
	}

	/**
	 * A JDBC or Spark Connect URL fit for a message: no parameters (where a password or a token may be: after
	 * {@code ?}, or after {@code ;} as in {@code sc://host:15002/;token=...}) and no user info.
	 */
	public static String withoutSecrets(String url) {
		String shown = url;
		for (char parameters : new char[] {'?', ';'}) {
			int at = shown.indexOf(parameters);
			if (at >= 0) {
				shown = shown.substring(0, at);
			}
		}
		int scheme = shown.indexOf("//");
		int at = shown.indexOf('@', Math.max(scheme, 0));
		if (scheme >= 0 && at > scheme) {
			shown = shown.substring(0, scheme + 2) + shown.substring(at + 1);
		}
		return shown;
	}
}
