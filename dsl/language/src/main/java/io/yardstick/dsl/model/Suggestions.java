package io.yardstick.dsl.model;

/** "Did you mean" for misspelt names: the closest candidate by edit distance, if close enough. */
public final class Suggestions {
	private Suggestions() {
	}

	/**
	 * The candidate nearest to {@code name} within a third of its length (at least 2 edits); failing
	 * that, a candidate that abbreviates it (same first two letters, its letters in order: avg for
	 * averge); else null.
	 */
	public static String closest(String name, Iterable<String> candidates) {
		String near = nearest(name, candidates);
		if (near != null || name == null || name.length() < 3) {
			return near;
		}
		for (String candidate : candidates) {
			if (candidate != null && candidate.length() >= 2 && abbreviates(candidate.toLowerCase(), name.toLowerCase())) {
				return candidate;
			}
		}
		return null;
	}

	private static boolean abbreviates(String shorter, String longer) {
		if (shorter.length() >= longer.length() || !longer.startsWith(shorter.substring(0, 2))) {
			return false;
		}
		int at = 0;
		for (char c : shorter.toCharArray()) {
			at = longer.indexOf(c, at);
			if (at < 0) {
				return false;
			}
			at++;
		}
		return true;
	}

	private static String nearest(String name, Iterable<String> candidates) {
		if (name == null || name.isEmpty()) {
			return null;
		}
		int allowed = Math.max(2, name.length() / 3);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			if (candidate == null || candidate.equals(name)) {
				continue;
			}
			int distance = distance(name.toLowerCase(), candidate.toLowerCase());
			if (distance <= allowed && distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/** Levenshtein distance with transpositions counted as one edit. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}
}
