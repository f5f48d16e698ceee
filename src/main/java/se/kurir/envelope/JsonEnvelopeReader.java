package se.kurir.envelope;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads the JSON form of an envelope and validates it against {@code xsd/envelope.schema.json}. */
@Component
public class JsonEnvelopeReader {

    static final String SCHEMA = "/xsd/envelope.schema.json";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .findAndAddModules()
            .build();
    private final JsonSchema schema;

    public JsonEnvelopeReader() {
        try (InputStream in = JsonEnvelopeReader.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("Envelope schema missing from class path: " + SCHEMA);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Envelope read(byte[] json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw InvalidEnvelopeException.malformed("not well-formed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || !tree.isObject()) {
            throw InvalidEnvelopeException.malformed("the envelope must be a JSON object");
        }
        Set<ValidationMessage> messages = schema.validate(tree);
        if (!messages.isEmpty()) {
            throw new InvalidEnvelopeException(messages.stream()
                    .map(JsonEnvelopeReader::toViolation)
                    .sorted(Comparator.comparing(EnvelopeViolation::field))
                    .toList());
        }
        try {
            return mapper.treeToValue(tree, Envelope.class);
        } catch (JsonProcessingException e) {
            throw InvalidEnvelopeException.malformed(e.getOriginalMessage());
        }
    }

    private static EnvelopeViolation toViolation(ValidationMessage message) {
        String location = dotted(message.getInstanceLocation().toString());
        return switch (message.getType()) {
            case "required" -> new EnvelopeViolation(EnvelopeViolation.FIELD_REQUIRED,
                    join(location, message.getProperty()), "is required");
            case "additionalProperties" -> new EnvelopeViolation(EnvelopeViolation.FIELD_UNKNOWN,
                    join(location, message.getProperty()), "is not a field of the envelope");
            default -> new EnvelopeViolation(EnvelopeViolation.FIELD_INVALID, location.isEmpty() ? "envelope" : location,
                    message.getMessage().substring(message.getMessage().indexOf(':') + 1).trim());
        };
    }

    private static String dotted(String jsonPath) {
        String path = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }
}
