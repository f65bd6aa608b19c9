package io.yardstick.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Sends each channel the alerts that are new to it (see {@link DeliveredState}), trying again with back-off when
 * an attempt fails in a way that may pass. What happens is reported line by line, every line cleared of every
 * channel's secrets.
 */
public final class Notifier {
	private final Retry retry;
	private final Consumer<String> info;
	private final Consumer<String> problem;

	/**
	 * @param info where deliveries that went through are reported
	 * @param problem where failed attempts and deliveries are reported
	 */
	public Notifier(Retry retry, Consumer<String> info, Consumer<String> problem) {
		this.retry = retry;
		this.info = info;
		this.problem = problem;
	}

	/** What the deliveries left: the state to keep, and the channels that did not get their message. */
	public record Outcome(DeliveredState state, List<String> failed) {
		public Outcome {
			failed = List.copyOf(failed);
		}
	}

	/**
	 * Delivers {@code current} (every critical and warning alert of the run) to each channel, only the alerts
	 * new to it.
	 */
	public Outcome deliver(List<Channel> channels, Notification current, DeliveredState previous) {
		List<String> secrets = new ArrayList<>();
		channels.forEach(channel -> secrets.addAll(channel.secrets()));
		Secrets redactor = new Secrets(secrets);
		Map<String, Set<List<String>>> state = new LinkedHashMap<>();
		List<String> failed = new ArrayList<>();
		Set<List<String>> active = new HashSet<>();
		current.notices().forEach(notice -> active.add(notice.key()));
		for (Channel channel : channels) {
			Set<List<String>> told = new HashSet<>(previous.of(channel.name()));
			told.retainAll(active); // an alert that cleared is told again should it come back
			List<Notice> fresh = current.notices().stream().filter(notice -> !told.contains(notice.key())).toList();
			if (fresh.isEmpty()) {
				info.accept(NotifyTexts.format(current.language(), "status.none", channel.name()));
			} else if (send(channel, current.with(fresh), redactor)) {
				fresh.forEach(notice -> told.add(notice.key()));
			} else {
				failed.add(channel.name());
			}
			state.put(channel.name(), told);
		}
		return new Outcome(new DeliveredState(state), failed);
	}

	private boolean send(Channel channel, Notification notification, Secrets redactor) {
		String language = notification.language();
		String alerts = NotifyTexts.plural(language, "status.alerts", notification.notices().size());
		for (int attempt = 1;; attempt++) {
			try {
				channel.send(notification);
				info.accept(NotifyTexts.format(language, "status.sent", channel.name(), alerts,
						notification.count("critical"), notification.count("warning")));
				return true;
			} catch (DeliveryException e) {
				String why = redactor.redact(e.getMessage());
				if (!e.retryable() || attempt == retry.attempts()) {
					problem.accept(NotifyTexts.format(language, attempt > 1 ? "status.failedAfter" : "status.failed",
							channel.name(), why, alerts, attempt));
					return false;
				}
				Duration delay = retry.delayAfter(attempt);
				problem.accept(NotifyTexts.format(language, "status.retry", channel.name(), attempt, retry.attempts(), why,
						seconds(delay)));
				try {
					retry.sleeper().sleep(delay);
				} catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					problem.accept(NotifyTexts.format(language, "status.interrupted", channel.name(), alerts));
					return false;
				}
			}
		}
	}

	private static String seconds(Duration delay) {
		return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
	}
}
