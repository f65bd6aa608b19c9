package io.yardstick.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which alerts are new for a channel, and what notified.json keeps from run to run. */
class NotifierTest {
	@TempDir
	Path dir;

	private final List<String> info = new ArrayList<>();
	private final List<String> problems = new ArrayList<>();

	/** A channel that records what it was sent and fails while {@code failing} is set. */
	private static final class Recording implements Channel {
		final List<List<String>> sent = new ArrayList<>();
		final String name;
		boolean failing;

		Recording(String name) {
			this.name = name;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public void send(Notification notification) throws DeliveryException {
			if (failing) {
				throw new DeliveryException("refused", false);
			}
			sent.add(notification.notices().stream().map(n -> n.alert().kind() + " " + n.alert().metric() + " "
					+ n.groupText()).toList());
		}

		@Override
		public List<String> secrets() {
			return List.of();
		}
	}

	private Notifier.Outcome deliver(List<Channel> channels, Notification notification, DeliveredState state) {
		return new Notifier(new Retry(1, Duration.ZERO, Duration.ZERO, d -> { }), info::add, problems::add)
				.deliver(channels, notification, state);
	}

	@Test
	void anAlertIsToldOnceWhileItLastsAndAgainWhenItComesBack() throws Exception {
		Recording chat = new Recording("slack");
		Notification all = Samples.notification("en", "r");
		Path file = dir.resolve(DeliveredState.FILE);

		deliver(List.of(chat), all, DeliveredState.read(file)).state().write(file);
		assertThat(chat.sent).containsExactly(List.of("critical churnRate total", "warning churnRate Region East",
				"warning firstResponseTime total"));

		deliver(List.of(chat), all, DeliveredState.read(file)).state().write(file);
		assertThat(chat.sent).hasSize(1);
		assertThat(info).endsWith("notify slack: no new critical or warning alerts");

		// East recovers in the next run, then breaches again in the one after.
		Notification withoutEast = all.with(List.of(all.notices().get(0), all.notices().get(2)));
		deliver(List.of(chat), withoutEast, DeliveredState.read(file)).state().write(file);
		assertThat(chat.sent).hasSize(1);
		deliver(List.of(chat), all, DeliveredState.read(file)).state().write(file);
		assertThat(chat.sent).hasSize(2);
		assertThat(chat.sent.get(1)).containsExactly("warning churnRate Region East");
	}

	@Test
	void aFailedChannelKeepsItsAlertsNewWhileTheOthersMoveOn() throws Exception {
		Recording down = new Recording("wecom");
		Recording up = new Recording("email");
		down.failing = true;
		Notification all = Samples.notification("zh", "r");
		Notifier.Outcome first = deliver(List.of(down, up), all, DeliveredState.empty());
		assertThat(first.failed()).containsExactly("wecom");
		assertThat(problems).containsExactly("通知 wecom：未送达：refused；3 条新告警留到下次运行时再发");

		down.failing = false;
		Notifier.Outcome second = deliver(List.of(down, up), all, first.state());
		assertThat(second.failed()).isEmpty();
		assertThat(down.sent).hasSize(1).first().asList().hasSize(3);
		assertThat(up.sent).hasSize(1);
	}

	@Test
	void theStateFileIsStableAndHoldsNoSecret() throws Exception {
		Notifier.Outcome outcome = deliver(List.of(new Recording("dingtalk:ops")), Samples.notification("en", "r"),
				DeliveredState.empty());
		Path file = dir.resolve(DeliveredState.FILE);
		outcome.state().write(file);
		assertThat(Files.readString(file)).isEqualTo("""
				{
				  "schema" : "yardstick-notified/1",
				  "channels" : {
				    "dingtalk:ops" : [ [ "critical", "churnRate", "2025-12", "total" ], [ "warning", "churnRate", "2025-12", "region", "East" ], [ "warning", "firstResponseTime", "2025-12", "total" ] ]
				  }
				}
				""");
		assertThat(DeliveredState.read(file).channels()).isEqualTo(Map.of("dingtalk:ops", Set.of(
				List.of("critical", "churnRate", "2025-12", "total"), List.of("warning", "churnRate", "2025-12", "region", "East"),
				List.of("warning", "firstResponseTime", "2025-12", "total"))));
	}

	@Test
	void aStateFileOfAnotherKindIsRefused() throws Exception {
		Path file = dir.resolve(DeliveredState.FILE);
		Files.writeString(file, "{\"schema\":\"yardstick-alerts/1\"}");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeliveredState.read(file))
				.hasMessage("it is not a yardstick-notified/1 document");
	}
}
