package io.yardstick.notify;

import java.time.Duration;

/**
 * How often a delivery is tried and how long to wait in between: {@code first}, then twice as long each time, at
 * most {@code longest}. The waiting goes through a {@link Sleeper}, so that tests can count it instead of sleeping.
 */
public record Retry(int attempts, Duration first, Duration longest, Sleeper sleeper) {
	/** Four attempts, 2 s, 4 s and 8 s apart. */
	public static Retry standard() {
		return new Retry(4, Duration.ofSeconds(2), Duration.ofSeconds(30), Sleeper.REAL);
	}

	public Retry {
		if (attempts < 1) {
			throw new IllegalArgumentException("at least one attempt, not " + attempts);
		}
	}

	/** The wait after failed attempt {@code attempt} (counted from 1). */
	public Duration delayAfter(int attempt) {
		Duration delay = first;
		for (int i = 1; i < attempt && delay.compareTo(longest) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(longest) > 0 ? longest : delay;
	}

	/** Waits; {@link #REAL} sleeps. */
	@FunctionalInterface
	public interface Sleeper {
		Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

		void sleep(Duration duration) throws InterruptedException;
	}
}
