package se.kurir.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.delivery.QueryProperties;
import se.kurir.delivery.QueryReply;
import se.kurir.delivery.QueryRequest;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.JsonEnvelopeReader;

/**
 * Request/reply (need C, real-time access): {@code {"envelope": {...}, "query": ...}} in, the answerer's reply with its
 * own legal basis out, within the configured timeout. The envelope is the message envelope; its disclosure mode must
 * be ON_REQUEST and its recipient a mailbox that answers queries.
 */
@RestController
@RequestMapping("/api/v1/requests")
class RequestController {

    private static final Set<String> FIELDS = Set.of("envelope", "query");

    private final JsonEnvelopeReader envelopes;
    private final PipelineIngress pipeline;
    private final ObjectMapper json;
    private final QueryProperties properties;

    RequestController(JsonEnvelopeReader envelopes, PipelineIngress pipeline, ObjectMapper json,
            QueryProperties properties) {
        this.envelopes = envelopes;
        this.pipeline = pipeline;
        this.json = json;
        this.properties = properties;
    }

    @Operation(summary = "Ask another participant and wait for the reply (same policy and audit as a message)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode ask(HttpServletRequest request, Authentication caller) throws IOException {
        JsonNode body = readBody(request);
        Envelope envelope = envelopes.read(json.writeValueAsBytes(body.get("envelope")));
        String requestId = envelope.messageId() != null ? envelope.messageId() : UUID.randomUUID().toString();
        QueryReply reply = pipeline.ask(new QueryRequest(requestId, caller.getName(), envelope,
                json.writeValueAsBytes(body.get("query"))));
        ObjectNode answer = json.createObjectNode().put("requestId", requestId);
        answer.set("legalBasis", json.valueToTree(reply.legalBasis()));
        answer.set("reply", json.readTree(reply.reply()));
        return answer;
    }

    private JsonNode readBody(HttpServletRequest request) throws IOException {
        long limit = properties.maxSize().toBytes();
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) limit + 1);
        }
        if (bytes.length > limit) {
            throw new BadRequestException(RestProblem.REQUEST_TOO_LARGE, "body: a request may be at most "
                    + properties.maxSize()
                    + "; send larger data as a message");
        }
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(RestProblem.REQUEST_INVALID, "body: not a JSON object");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestException(RestProblem.REQUEST_INVALID, "body: not a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadRequestException(RestProblem.REQUEST_FIELD_UNKNOWN, name + ": not a field of a request; "
                        + "expected envelope and query");
            }
        }
        for (String field : FIELDS) {
            if (body.get(field) == null || body.get(field).isNull()) {
                throw new BadRequestException(RestProblem.REQUEST_FIELD_MISSING, field + ": the field is required");
            }
        }
        if (!body.get("envelope").isObject()) {
            throw new BadRequestException(RestProblem.REQUEST_INVALID, "envelope: must be a JSON object");
        }
        return body;
    }
}
