package io.yardstick.notify;

import java.util.List;

/** Where notifications go: a webhook or a mailbox. One {@link #send} is one attempt. */
public interface Channel {
	/** The channel's name, as {@code --notify} gave it: "wecom", "slack:ops". Never a secret. */
	String name();

	/** Sends the notification once. */
	void send(Notification notification) throws DeliveryException;

	/** What must never appear in output: URLs, keys, secrets, passwords. */
	List<String> secrets();
}
