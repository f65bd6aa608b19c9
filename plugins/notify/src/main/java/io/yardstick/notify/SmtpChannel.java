package io.yardstick.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Email over SMTP, spoken by hand over a socket: EHLO, optionally STARTTLS and AUTH PLAIN, one message to every
 * recipient. The message is UTF-8 plain text in base64, its subject an RFC 2047 encoded word, so that Chinese
 * arrives intact through any relay. A password is only ever sent over TLS or to a relay on this machine.
 */
public final class SmtpChannel implements Channel {
	private static final int CONNECT_TIMEOUT_MS = 15_000;
	private static final int READ_TIMEOUT_MS = 30_000;

	/** Where and how to send; {@code user} and {@code password} are null for a relay that needs no login. */
	public record Settings(String host, int port, String from, List<String> to, String user, String password,
			boolean startTls) {
		public Settings {
			to = List.copyOf(to);
		}
	}

	private final String name;
	private final Settings settings;
	private final LongSupplier clock;
	private final SSLSocketFactory tls;

	/** @param clock the time in epoch milliseconds, for the Date header */
	public SmtpChannel(String name, Settings settings, LongSupplier clock) {
		this(name, settings, clock, (SSLSocketFactory) SSLSocketFactory.getDefault());
	}

	/** @param tls what STARTTLS connects with: the JVM's trust store, or a test's own */
	SmtpChannel(String name, Settings settings, LongSupplier clock, SSLSocketFactory tls) {
		this.name = name;
		this.settings = settings;
		this.clock = clock;
		this.tls = tls;
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public List<String> secrets() {
		List<String> secrets = new ArrayList<>();
		if (settings.password() != null) {
			secrets.add(settings.password());
			secrets.add(plainCredentials());
		}
		return secrets;
	}

	@Override
	public void send(Notification notification) throws DeliveryException {
		try (Socket plain = new Socket()) {
			plain.connect(new InetSocketAddress(settings.host(), settings.port()), CONNECT_TIMEOUT_MS);
			plain.setSoTimeout(READ_TIMEOUT_MS);
			Session session = new Session(plain);
			session.expect(220, null);
			List<String> extensions = session.ehlo();
			Socket socket = plain;
			if (settings.startTls()) {
				if (!extensions.contains("STARTTLS")) {
					throw new DeliveryException("the server does not offer STARTTLS", false);
				}
				session.command("STARTTLS", 220);
				socket = tls(plain);
				session = new Session(socket);
				session.ehlo();
			}
			if (settings.user() != null) {
				if (!settings.startTls() && !InetAddress.getByName(settings.host()).isLoopbackAddress()) {
					throw new DeliveryException("refusing to send the SMTP password over a connection without TLS;"
							+ " turn STARTTLS on", false);
				}
				session.command("AUTH PLAIN " + plainCredentials(), 235);
			}
			session.command("MAIL FROM:<" + settings.from() + ">", 250);
			for (String recipient : settings.to()) {
				session.command("RCPT TO:<" + recipient + ">", 250, 251);
			}
			session.command("DATA", 354);
			session.write(dotStuffed(message(notification)) + ".\r\n");
			session.expect(250, "the message");
			session.command("QUIT", 221);
			if (socket != plain) {
				socket.close();
			}
		} catch (SSLHandshakeException e) {
			throw new DeliveryException("TLS handshake failed: " + e.getMessage(), false);
		} catch (IOException e) {
			throw new DeliveryException(WebhookChannel.describe(e), true);
		}
	}

	private String plainCredentials() {
		String credentials = "\0" + settings.user() + "\0" + settings.password();
		return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private Socket tls(Socket plain) throws IOException {
		SSLSocket socket = (SSLSocket) tls.createSocket(plain, settings.host(), settings.port(), true);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS"); // checks the certificate names the host
		socket.setSSLParameters(parameters);
		socket.startHandshake();
		return socket;
	}

	/** The message as DATA sends it, before dot-stuffing: headers, a blank line, the base64 body; CRLF throughout. */
	String message(Notification notification) {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
				.format(Instant.ofEpochMilli(clock.getAsLong()).atOffset(ZoneOffset.UTC));
		StringBuilder message = new StringBuilder();
		message.append("Date: ").append(date).append("\r\n");
		message.append("From: <").append(settings.from()).append(">\r\n");
		message.append("To: ").append(String.join(", ", settings.to().stream().map(to -> "<" + to + ">").toList()))
				.append("\r\n");
		message.append("Subject: ").append(encodedWords(notification.title())).append("\r\n");
		message.append("MIME-Version: 1.0\r\n");
		message.append("Content-Type: text/plain; charset=UTF-8\r\n");
		message.append("Content-Transfer-Encoding: base64\r\n\r\n");
		String body = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(notification.text().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
		return message.append(body).append("\r\n").toString();
	}

	/**
	 * The subject as RFC 2047 encoded words of at most 75 characters, folded; whole characters per word, as the
	 * RFC asks.
	 */
	static String encodedWords(String subject) {
		String flat = subject.replaceAll("[\r\n]+", " ");
		List<String> words = new ArrayList<>();
		StringBuilder chunk = new StringBuilder();
		int bytes = 0;
		for (int i = 0; i < flat.length(); i += Character.charCount(flat.codePointAt(i))) {
			String character = new String(Character.toChars(flat.codePointAt(i)));
			int size = character.getBytes(StandardCharsets.UTF_8).length;
			// 45 bytes make 60 base64 characters, which with "=?UTF-8?B?" and "?=" stay within 75.
			if (bytes + size > 45) {
				words.add(encodedWord(chunk.toString()));
				chunk.setLength(0);
				bytes = 0;
			}
			chunk.append(character);
			bytes += size;
		}
		if (chunk.length() > 0) {
			words.add(encodedWord(chunk.toString()));
		}
		return String.join("\r\n ", words);
	}

	private static String encodedWord(String text) {
		return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

	/** A line that starts with a dot gets another, so that it cannot end the message early. */
	static String dotStuffed(String message) {
		return (message.startsWith(".") ? "." : "") + message.replace("\r\n.", "\r\n..");
	}

	/** Commands and replies on one connection. */
	private static final class Session {
		private final BufferedReader in;
		private final OutputStream out;

		Session(Socket socket) throws IOException {
			in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			out = socket.getOutputStream();
		}

		List<String> ehlo() throws IOException, DeliveryException {
			write("EHLO localhost\r\n");
			List<String> lines = expect(250, "EHLO");
			List<String> extensions = new ArrayList<>();
			for (String line : lines.subList(1, lines.size())) {
				extensions.add(line.split(" ")[0].toUpperCase(java.util.Locale.ROOT));
			}
			return extensions;
		}

		void command(String command, int... accepted) throws IOException, DeliveryException {
			write(command + "\r\n");
			// The command is not repeated in a failure: AUTH's carries the credentials.
			expect(accepted, command.startsWith("AUTH") ? "AUTH" : command.split("[ :]")[0]);
		}

		void write(String text) throws IOException {
			out.write(text.getBytes(StandardCharsets.UTF_8));
			out.flush();
		}

		List<String> expect(int code, String what) throws IOException, DeliveryException {
			return expect(new int[] { code }, what);
		}

		/** Reads one reply, of one or more lines; fails unless its code is one of {@code accepted}. */
		List<String> expect(int[] accepted, String what) throws IOException, DeliveryException {
			List<String> lines = new ArrayList<>();
			int code;
			while (true) {
				String line = in.readLine();
				if (line == null) {
					throw new IOException("the server closed the connection" + (what == null ? "" : " after " + what));
				}
				if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)) {
					throw new DeliveryException("the server's reply is not SMTP: " + abbreviate(line), false);
				}
				code = Integer.parseInt(line.substring(0, 3));
				lines.add(line.length() > 4 ? line.substring(4) : "");
				if (line.length() == 3 || line.charAt(3) != '-') {
					break;
				}
			}
			for (int ok : accepted) {
				if (code == ok) {
					return lines;
				}
			}
			String reply = code + " " + abbreviate(String.join(" ", lines));
			throw new DeliveryException((what == null ? "the greeting" : what) + " was answered " + reply,
					code >= 400 && code < 500);
		}

		private static String abbreviate(String text) {
			return text.length() > 200 ? text.substring(0, 200) + "…" : text;
		}
	}
}
