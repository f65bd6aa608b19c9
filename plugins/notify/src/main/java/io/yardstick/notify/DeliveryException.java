package io.yardstick.notify;

/**
 * One attempt at a delivery failed. The message never holds a URL, key, secret or password: it is built from
 * status codes and the service's answer, and {@link Notifier} still redacts it.
 */
public final class DeliveryException extends Exception {
	private static final long serialVersionUID = 1L;
	private final boolean retryable;

	/** @param retryable whether the same message may get through later (busy, unreachable, timed out) */
	public DeliveryException(String message, boolean retryable) {
		super(message, null, false, false);
		this.retryable = retryable;
	}

	public boolean retryable() {
		return retryable;
	}
}
