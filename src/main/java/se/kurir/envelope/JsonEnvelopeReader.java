package se.kurir.envelope;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the JSON form of an envelope and validates it against {@code xsd/envelope.schema.json}; also reads a feed
 * event ({@code xsd/event.schema.json}), whose envelope shares the legal-basis definition.
 */
@Component
public class JsonEnvelopeReader {

    static final String SCHEMA = "/xsd/envelope.schema.json";
    static final String EVENT_SCHEMA = "/xsd/event.schema.json";
    private static final String SCHEMA_ID = "urn:kurir:envelope:1";
    private static final String RECIPIENT = "recipient";
    private static final String RECIPIENTS = "recipients";

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .findAndAddModules()
            .build();
    private final JsonSchema schema;
    private final JsonSchema eventSchema;

    public JsonEnvelopeReader() {
        String envelopeSchema = resource(SCHEMA);
        // The event schema refers to the envelope schema by its $id; it is served from the class path, never fetched.
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(SCHEMA_ID, envelopeSchema))));
        schema = factory.getSchema(envelopeSchema);
        eventSchema = factory.getSchema(resource(EVENT_SCHEMA));
    }

    /** An event for a product's feed: envelope (without recipient), subject key, event type and payload object. */
    public FeedEventSubmission readEvent(byte[] json) {
        JsonNode tree = validated(json, eventSchema);
        try {
            return new FeedEventSubmission(mapper.treeToValue(tree.get("envelope"), EventEnvelope.class),
                    tree.get("subjectKey").asText(), tree.get("eventType").asText(), tree.get("payload"));
        } catch (JsonProcessingException e) {
            throw InvalidEnvelopeException.malformed(e.getOriginalMessage());
        }
    }

    /** The envelope of a message to one mailbox, {@code recipient}. */
    public Envelope read(byte[] json) {
        ObjectNode tree = validated(json, schema);
        if (tree.has(RECIPIENTS)) {
            throw invalid(RECIPIENTS, "this interface sends to one recipient; give recipient");
        }
        return envelope(tree);
    }

    /**
     * The envelope of a message another Kurir node admitted and forwards: the same schema, and the gateway's own
     * metadata (the privacy step's record) kept, since the node that wrote it is authenticated and in the directory.
     */
    public Envelope readForwarded(byte[] json) {
        ObjectNode tree = validated(json, schema);
        try {
            return mapper.treeToValue(tree, Envelope.class);
        } catch (JsonProcessingException e) {
            throw InvalidEnvelopeException.malformed(e.getOriginalMessage());
        }
    }

    /**
     * The envelopes of a message to one mailbox ({@code recipient}) or to several ({@code recipients}): one envelope
     * per mailbox, in the order given, each with its {@code recipient} and otherwise the same.
     */
    public List<Envelope> readAddressed(byte[] json) {
        ObjectNode tree = parsed(json);
        JsonNode recipients = tree.get(RECIPIENTS);
        if (recipients == null) {
            return List.of(envelope(validated(tree, schema)));
        }
        if (tree.has(RECIPIENT)) {
            throw invalid(RECIPIENTS, "give recipient or recipients, not both");
        }
        // The schema wants one recipient; the first of the list stands in for it while the rest is checked.
        ObjectNode checked = tree.deepCopy();
        checked.set(RECIPIENT, recipients.isArray() && !recipients.isEmpty() ? recipients.get(0)
                : mapper.getNodeFactory().textNode("0000000000.none"));
        validated(checked, schema);
        checked.remove(RECIPIENTS);
        List<Envelope> envelopes = new ArrayList<>();
        for (JsonNode recipient : recipients) {
            checked.set(RECIPIENT, recipient);
            envelopes.add(envelope(checked));
        }
        return envelopes;
    }

    private Envelope envelope(ObjectNode tree) {
        try {
            return mapper.treeToValue(tree, Envelope.class).checkedAsSent();
        } catch (JsonProcessingException e) {
            throw InvalidEnvelopeException.malformed(e.getOriginalMessage());
        }
    }

    private static InvalidEnvelopeException invalid(String field, String message) {
        return new InvalidEnvelopeException(List.of(new EnvelopeViolation(EnvelopeViolation.FIELD_INVALID, field,
                message)));
    }

    private ObjectNode validated(byte[] json, JsonSchema against) {
        return validated(parsed(json), against);
    }

    private ObjectNode parsed(byte[] json) {
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
        return (ObjectNode) tree;
    }

    private ObjectNode validated(ObjectNode tree, JsonSchema against) {
        Set<ValidationMessage> messages = against.validate(tree);
        if (!messages.isEmpty()) {
            throw new InvalidEnvelopeException(messages.stream()
                    .map(JsonEnvelopeReader::toViolation)
                    .sorted(Comparator.comparing(EnvelopeViolation::field))
                    .toList());
        }
        return tree;
    }

    private static String resource(String path) {
        try (InputStream in = JsonEnvelopeReader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Schema missing from class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
