package io.yardstick.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny SMTP server on 127.0.0.1 for tests: it takes connections one after another, answers each command as
 * scripted (250 by default), and records the whole conversation, client lines as {@code C: } and its own as
 * {@code S: }, the message between DATA and its end as it came.
 */
final class LocalSmtp implements AutoCloseable {
	private final ServerSocket server;
	private final Thread thread;
	private final List<String> transcript = new ArrayList<>();
	private final List<String> ehlo;
	/** Replies by command word (MAIL, RCPT...), used in turn; the last one stays. */
	private final Map<String, List<String>> replies;
	private final Map<String, Integer> used = new java.util.HashMap<>();
	private final SSLContext tls;

	LocalSmtp(List<String> ehloExtensions, Map<String, List<String>> replies) throws IOException {
		this(ehloExtensions, replies, null);
	}

	/** @param tls what STARTTLS upgrades to, or null */
	LocalSmtp(List<String> ehloExtensions, Map<String, List<String>> replies, SSLContext tls) throws IOException {
		this.ehlo = ehloExtensions;
		this.replies = replies;
		this.tls = tls;
		server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
		thread = new Thread(this::serve, "local-smtp");
		thread.setDaemon(true);
		thread.start();
	}

	int port() {
		return server.getLocalPort();
	}

	private void serve() {
		while (!server.isClosed()) {
			Socket socket;
			try {
				socket = server.accept();
			} catch (IOException e) {
				return; // closed
			}
			try (socket) {
				converse(socket);
			} catch (IOException e) {
				record("-- connection failed: " + e.getClass().getSimpleName());
			}
		}
	}

	private void converse(Socket plain) throws IOException {
		Socket socket = plain;
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		OutputStream out = socket.getOutputStream();
		say(out, "220 localhost test SMTP");
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			record("C: " + line);
			String word = line.split("[ :]")[0].toUpperCase(java.util.Locale.ROOT);
			if (word.equals("STARTTLS") && tls != null) {
				say(out, "220 ready for TLS");
				SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), false);
				secure.setUseClientMode(false);
				secure.startHandshake();
				record("-- TLS " + secure.getSession().getProtocol());
				socket = secure;
				in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				out = socket.getOutputStream();
				continue;
			}
			if (word.equals("EHLO")) {
				List<String> lines = new ArrayList<>(List.of("localhost"));
				lines.addAll(ehlo);
				for (int i = 0; i < lines.size(); i++) {
					say(out, "250" + (i < lines.size() - 1 ? "-" : " ") + lines.get(i));
				}
				continue;
			}
			String reply = reply(word);
			say(out, reply);
			if (word.equals("DATA") && reply.startsWith("354")) {
				for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
					record("D: " + data);
				}
				record("C: .");
				say(out, reply("."));
			}
			if (word.equals("QUIT") || reply.startsWith("421")) {
				return;
			}
		}
	}

	private synchronized String reply(String word) {
		List<String> scripted = replies.get(word);
		if (scripted == null) {
			return switch (word) {
				case "DATA" -> "354 go ahead";
				case "QUIT" -> "221 bye";
				case "AUTH" -> "235 ok";
				default -> "250 ok";
			};
		}
		int index = used.merge(word, 1, Integer::sum) - 1;
		return scripted.get(Math.min(index, scripted.size() - 1));
	}

	private void say(OutputStream out, String line) throws IOException {
		record("S: " + line);
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private synchronized void record(String line) {
		transcript.add(line);
	}

	synchronized List<String> transcript() {
		return List.copyOf(transcript);
	}

	@Override
	public void close() throws Exception {
		server.close();
		thread.join(5_000);
	}
}
