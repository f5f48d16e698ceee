package se.kurir.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Registry seeds for tests: the demo seed with one change, written to a file a node is started with. */
public final class Seeds {

    private Seeds() {
    }

    /** The demo seed with this mailbox's {@code delivery} replaced; returns the seed's location for kurir.registry.seed. */
    public static String demoWithDelivery(Path dir, String mailbox, Map<String, String> delivery) {
        return demoChanged(dir, seed -> {
            for (JsonNode participant : seed.get("participants")) {
                for (JsonNode box : participant.get("mailboxes")) {
                    if ((participant.get("orgNumber").asText() + "." + box.get("name").asText()).equals(mailbox)) {
                        ObjectNode settings = ((ObjectNode) box).putObject("delivery");
                        delivery.forEach(settings::put);
                    }
                }
            }
        });
    }

    /** The demo seed with these fields of one agreement replaced; returns the seed's location. */
    public static String demoWithAgreement(Path dir, String agreementId, Map<String, Object> fields) {
        return demoChanged(dir, seed -> {
            for (JsonNode agreement : seed.get("agreements")) {
                if (agreement.get("id").asText().equals(agreementId)) {
                    fields.forEach((name, value) -> ((ObjectNode) agreement).putPOJO(name, value));
                }
            }
        });
    }

    private static String demoChanged(Path dir, Consumer<ObjectNode> change) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            ObjectNode seed = (ObjectNode) yaml.readTree(Path.of("config/registry/demo-federation.yml").toFile());
            change.accept(seed);
            Path file = dir.resolve("federation.yml");
            yaml.writeValue(file.toFile(), seed);
            return "file:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
