package se.kurir.adapter.peer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.audit.Refusals;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.MessageState;
import se.kurir.delivery.PeerReceipts;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.JsonEnvelopeReader;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.StoredPayload;
import se.kurir.registry.PeerNode;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * The node-to-node API on the federation listener, for peer nodes authenticated by their client certificate (the
 * caller's name is its node id). A forwarded message runs through this node's pipeline like any other, as the
 * channel {@code PEER}: judged against this node's agreements, its seal checked, audited naming the peer; its payload
 * is streamed to the store, never held whole. The answer is the one {@code POST /api/v1/messages} gives: 202, or 422
 * with the rejection code; a repeat is answered as the first time, with {@code Kurir-Duplicate}.
 */
@RestController
@RequestMapping("/federation/v1")
class PeerIntakeController {

    static final String CHANNEL = "PEER";
    private static final int FORWARDED_LIMIT = 64 * 1024;

    private final Registry registry;
    private final JsonEnvelopeReader envelopes;
    private final PayloadStore payloads;
    private final PipelineIngress pipeline;
    private final MessageIntake intake;
    private final PeerReceipts receipts;
    private final Refusals refusals;
    private final ObjectMapper json;

    PeerIntakeController(Registry registry, JsonEnvelopeReader envelopes, PayloadStore payloads,
            PipelineIngress pipeline, MessageIntake intake, PeerReceipts receipts, Refusals refusals,
            ObjectMapper json) {
        this.registry = registry;
        this.envelopes = envelopes;
        this.payloads = payloads;
        this.pipeline = pipeline;
        this.intake = intake;
        this.receipts = receipts;
        this.refusals = refusals;
        this.json = json;
    }

    /** Thrown for a request of a peer that is not a message this node may take from it. */
    static final class Refused extends RuntimeException {
        private final HttpStatus status;
        private final FederationProblem code;

        Refused(HttpStatus status, FederationProblem code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }
    }

    @PostMapping(path = "/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> forwarded(HttpServletRequest request, Authentication caller) throws IOException {
        PeerNode peer = registry.peerNode(caller.getName()).orElseThrow();
        String sender = null;
        Envelope envelope = null;
        String mediaType = null;
        StoredPayload payload = null;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>()
                    .getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.getFieldName().equals("forwarded") && envelope == null) {
                    JsonNode forwarded = readForwarded(part);
                    sender = forwarded.path("sender").asText();
                    mediaType = PayloadMediaType.check("forwarded.mediaType", forwarded.path("mediaType").asText());
                    envelope = envelopes.readForwarded(json.writeValueAsBytes(forwarded.path("envelope")));
                    checkServed(peer, sender, envelope);
                } else if (part.getFieldName().equals("payload") && envelope != null && payload == null) {
                    payload = store(envelope, part);
                } else {
                    throw malformed(part.getFieldName() + ": expected the forwarded part, then the payload part");
                }
            }
        } catch (FileUploadException e) {
            discard(payload);
            throw malformed("body: not a readable multipart message: " + e.getMessage());
        } catch (RuntimeException | IOException e) {
            discard(payload);
            throw e;
        }
        if (payload == null) {
            throw malformed("payload: the part is required");
        }
        IntakeResult result = pipeline.submit(new Submission(sender, envelope, payload, mediaType, CHANNEL,
                peer.id()));
        var answer = result.admission() == MessageState.REJECTED ? ResponseEntity.unprocessableEntity()
                : ResponseEntity.accepted();
        if (result.duplicate()) {
            answer.header("Kurir-Duplicate", "true");
        }
        return answer.body(Map.of("messageId", result.messageId(), "status", result.admission(),
                "reasonCode", String.valueOf(result.message().reasonCode())));
    }

    /** Receipts of messages this node forwarded to the peer; each is recorded once, on the message it is about. */
    @PostMapping(path = "/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Integer> receipts(@RequestBody List<PeerReceipts.Relayed> relayed, Authentication caller) {
        PeerNode peer = registry.peerNode(caller.getName()).orElseThrow();
        return Map.of("recorded", receipts.record(peer, relayed));
    }

    private JsonNode readForwarded(FileItemInput part) throws IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(FORWARDED_LIMIT + 1);
        }
        if (bytes.length > FORWARDED_LIMIT) {
            throw malformed("forwarded: larger than " + FORWARDED_LIMIT + " bytes");
        }
        try {
            JsonNode tree = json.readTree(bytes);
            if (tree == null || !tree.path("sender").isTextual() || !tree.path("envelope").isObject()) {
                throw malformed("forwarded: needs sender, mediaType and envelope");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw malformed("forwarded: not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    /** The directory decides: the peer speaks for its own participants only, to participants served here. */
    private void checkServed(PeerNode peer, String sender, Envelope envelope) {
        if (!peer.serves(sender)) {
            refuse(peer, HttpStatus.FORBIDDEN, FederationProblem.SENDER_NOT_SERVED_BY_PEER, "sender",
                    "sender: " + sender + " is not served by node " + peer.id());
        }
        String recipient = envelope.recipientParticipant();
        if (registry.mailbox(envelope.recipient()).isEmpty() || registry.nodeServing(recipient).isPresent()) {
            refuse(peer, HttpStatus.NOT_FOUND, FederationProblem.RECIPIENT_NOT_SERVED_HERE, "recipient",
                    "recipient: " + envelope.recipient() + " is not a mailbox this node serves");
        }
    }

    private void refuse(PeerNode peer, HttpStatus status, FederationProblem code, String field, String detail) {
        refusals.record("node:" + peer.id(), CHANNEL, code.name(), field, "POST " + PeerLink.MESSAGES);
        throw new Refused(status, code, detail);
    }

    private StoredPayload store(Envelope envelope, FileItemInput part) throws IOException {
        long limit = registry.product(envelope.product()).map(Product::maxPayloadBytes)
                .orElse(payloads.defaultLimit());
        try (InputStream in = part.getInputStream()) {
            return payloads.store(in, limit);
        }
    }

    private void discard(StoredPayload payload) {
        if (payload != null) {
            intake.discardUnreferenced(payload);
        }
    }

    private static Refused malformed(String detail) {
        return new Refused(HttpStatus.BAD_REQUEST, FederationProblem.FORWARD_MALFORMED, detail);
    }

    @ExceptionHandler
    ProblemDetail refused(Refused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setType(URI.create(e.code.type()));
        problem.setProperty("code", e.code.name());
        return problem;
    }
}
