package io.yardstick.notify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replaces every secret in a text with {@value #MASK}, longest first, so that no part of one is left. */
final class Secrets {
	static final String MASK = "***";
	/** Shorter values (a port, "true") are not secrets worth masking, and masking them would garble messages. */
	private static final int SHORTEST = 6;

	private final List<String> secrets;

	Secrets(List<String> secrets) {
		List<String> kept = new ArrayList<>();
		for (String secret : secrets) {
			if (secret != null && secret.length() >= SHORTEST && !kept.contains(secret)) {
				kept.add(secret);
			}
		}
		kept.sort(Comparator.comparingInt(String::length).reversed());
		this.secrets = List.copyOf(kept);
	}

	String redact(String text) {
		String out = text;
		for (String secret : secrets) {
			out = out.replace(secret, MASK);
		}
		return out;
	}
}
