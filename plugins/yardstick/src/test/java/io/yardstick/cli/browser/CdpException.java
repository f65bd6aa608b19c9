package io.yardstick.cli.browser;

/** A DevTools command that failed, timed out or could not be sent, or a page that never became ready. */
public class CdpException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public CdpException(String message) {
		super(message);
	}

	public CdpException(String message, Throwable cause) {
		super(message, cause);
	}
}
