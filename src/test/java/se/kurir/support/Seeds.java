package se.kurir.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Registry seeds for tests: the demo seed with one change, written to a file a node is started with. */
public final class Seeds {

    private Seeds() {
    }

    /** The demo seed with this mailbox's {@code delivery} replaced; returns the seed's location for kurir.registry.seed. */
    public static String demoWithDelivery(Path dir, String mailbox, Map<String, String> delivery) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            ObjectNode seed = (ObjectNode) yaml.readTree(Path.of("config/registry/demo-federation.yml").toFile());
            for (JsonNode participant : seed.get("participants")) {
                for (JsonNode box : participant.get("mailboxes")) {
                    if ((participant.get("orgNumber").asText() + "." + box.get("name").asText()).equals(mailbox)) {
                        ObjectNode settings = ((ObjectNode) box).putObject("delivery");
                        delivery.forEach(settings::put);
                    }
                }
            }
            Path file = dir.resolve("federation.yml");
            yaml.writeValue(file.toFile(), seed);
            return "file:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
