package io.yardstick.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code notified.json} in {@code --out}: for each channel, the alerts it has been told about that are still
 * alerts. An alert is new for a channel when it is not there, so a failed delivery is tried again by the next run,
 * an alert that persists is told once, and one that clears and comes back is told again. No URL or secret is
 * kept, only channel names and alert keys.
 */
public final class DeliveredState {
	public static final String FILE = "notified.json";
	public static final String SCHEMA = "yardstick-notified/1";
	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final Map<String, Set<List<String>>> channels;

	public DeliveredState(Map<String, Set<List<String>>> channels) {
		this.channels = new TreeMap<>(channels);
	}

	public static DeliveredState empty() {
		return new DeliveredState(Map.of());
	}

	/** The alerts {@code channel} was told about. */
	public Set<List<String>> of(String channel) {
		return channels.getOrDefault(channel, Set.of());
	}

	public Map<String, Set<List<String>>> channels() {
		return channels;
	}

	/**
	 * Reads {@code file}; a missing file is an empty state.
	 *
	 * @throws IOException when it cannot be read or is not a {@value #SCHEMA} document
	 */
	public static DeliveredState read(Path file) throws IOException {
		if (!Files.exists(file)) {
			return empty();
		}
		JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
		if (root == null || !SCHEMA.equals(root.path("schema").asText()) || !root.path("channels").isObject()) {
			throw new IOException("it is not a " + SCHEMA + " document");
		}
		Map<String, Set<List<String>>> channels = new TreeMap<>();
		for (Map.Entry<String, JsonNode> channel : root.get("channels").properties()) {
			Set<List<String>> keys = new HashSet<>();
			for (JsonNode key : channel.getValue()) {
				List<String> parts = new ArrayList<>();
				key.forEach(part -> parts.add(part.isNull() ? null : part.asText()));
				keys.add(parts);
			}
			channels.put(channel.getKey(), keys);
		}
		return new DeliveredState(channels);
	}

	/** Writes the state, channels and keys in a stable order, replacing {@code file} in one move. */
	public void write(Path file) throws IOException {
		ObjectNode root = JSON.createObjectNode();
		root.put("schema", SCHEMA);
		ObjectNode out = root.putObject("channels");
		channels.forEach((channel, keys) -> {
			ArrayNode list = out.putArray(channel);
			keys.stream().sorted(Comparator.comparing(DeliveredState::sortKey)).forEach(key -> {
				ArrayNode parts = list.addArray();
				key.forEach(parts::add);
			});
		});
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.writeString(partial, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
	}

	private static String sortKey(List<String> key) {
		return String.join("\u0000", key.stream().map(part -> part == null ? "" : part).toList());
	}
}
