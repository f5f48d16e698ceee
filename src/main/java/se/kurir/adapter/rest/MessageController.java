package se.kurir.adapter.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.MessageState;
import se.kurir.delivery.Receipt;
import se.kurir.delivery.Submission;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.EnvelopeProblem;
import se.kurir.envelope.JsonEnvelopeReader;
import se.kurir.envelope.XmlEnvelopeReader;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadProblem;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.payload.StoredPayload;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * Message ingress. The multipart body is parsed as a stream, part by part: the envelope (small, read whole) must come
 * first, so the payload can then be streamed straight into the store under its product's size limit.
 */
@RestController
@RequestMapping("/api/v1/messages")
class MessageController {

    static final int ENVELOPE_LIMIT = 64 * 1024;
    static final String DUPLICATE = "Kurir-Duplicate";
    private static final String CHANNEL = "REST";

    private final JsonEnvelopeReader jsonEnvelopes;
    private final XmlEnvelopeReader xmlEnvelopes;
    private final Registry registry;
    private final PayloadStore payloads;
    private final PipelineIngress pipeline;
    private final MessageIntake intake;
    private final MailboxAccess mailboxes;

    MessageController(JsonEnvelopeReader jsonEnvelopes, XmlEnvelopeReader xmlEnvelopes, Registry registry,
            PayloadStore payloads, PipelineIngress pipeline, MessageIntake intake, MailboxAccess mailboxes) {
        this.jsonEnvelopes = jsonEnvelopes;
        this.xmlEnvelopes = xmlEnvelopes;
        this.registry = registry;
        this.payloads = payloads;
        this.pipeline = pipeline;
        this.intake = intake;
        this.mailboxes = mailboxes;
    }

    /** Documents the multipart body for OpenAPI; the parts are read from the stream, not bound. */
    @Schema(name = "MessageUpload")
    record MessageUpload(
            @Schema(description = "Envelope as JSON (xsd/envelope.schema.json) or XML (xsd/envelope.xsd); first part",
                    requiredMode = Schema.RequiredMode.REQUIRED) String envelope,
            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Payload bytes, streamed; limited per product") String payload) {
    }

    record Accepted(String messageId, MessageState status) {
    }

    /** The answer to a message sent to several recipients: each one's message. */
    record AcceptedEach(List<AcceptedFor> messages) {
    }

    /** @param reasonCode why it was rejected; null when it was not */
    record AcceptedFor(String recipient, String messageId, MessageState status, String reasonCode) {
        static AcceptedFor of(IntakeResult result) {
            return new AcceptedFor(result.message().recipient(), result.messageId(), result.admission(),
                    result.admission() == MessageState.REJECTED ? result.message().reasonCode() : null);
        }
    }

    /** The receipts, with the digest and size of the payload they are about. */
    record Receipts(String messageId, String sha256, long size, List<ReceiptView> receipts) {
    }

    record ReceiptView(String type, String reasonCode, Instant at) {
        static ReceiptView of(Receipt r) {
            return new ReceiptView(r.type().name(), r.reasonCode(), r.at());
        }
    }

    @Operation(summary = "Send a message: envelope with legal-basis tag, and payload",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = MessageUpload.class))),
            responses = @ApiResponse(responseCode = "202", description = "Admitted, or held for review; a repeated "
                    + "post of the same message id is answered as the first one was",
                    headers = @Header(name = DUPLICATE, description = "true when the message id was sent before: "
                            + "this is the first answer again, and nothing was stored twice",
                            schema = @Schema(type = "string", allowableValues = "true")),
                    content = @Content(schema = @Schema(oneOf = {Accepted.class, AcceptedEach.class}))))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> send(HttpServletRequest request, Authentication caller) throws IOException {
        String sender = caller.getName();
        List<Envelope> addressed = null;
        StoredPayload payload = null;
        String mediaType = null;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>()
                    .getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                switch (part.getFieldName()) {
                    case "envelope" -> {
                        refuseRepeated("envelope", addressed != null || payload != null);
                        addressed = readEnvelopes(part);
                    }
                    case "payload" -> {
                        refuseRepeated("payload", payload != null);
                        if (addressed == null) {
                            throw new BadRequestException(RestProblem.MULTIPART_ORDER,
                                    "envelope: the envelope part must come before the payload part");
                        }
                        mediaType = PayloadMediaType.check("payload.Content-Type", part.getContentType());
                        payload = store(sender, addressed.get(0), part);
                    }
                    default -> throw new BadRequestException(RestProblem.MULTIPART_PART_UNKNOWN,
                            part.getFieldName() + ": not a part of a message; expected envelope, then payload");
                }
            }
        } catch (FileUploadException e) {
            discard(payload);
            throw new BadRequestException(RestProblem.MULTIPART_INVALID, "body: not a readable multipart message: "
                    + e.getMessage());
        } catch (RuntimeException | IOException e) {
            discard(payload);
            throw e;
        }
        if (addressed == null) {
            throw new BadRequestException(EnvelopeProblem.ENVELOPE_MISSING, "envelope: the part is required");
        }
        if (payload == null) {
            throw new BadRequestException(PayloadProblem.PAYLOAD_MISSING, "payload: the part is required");
        }
        if (addressed.size() == 1) {
            return answer(pipeline.submit(new Submission(sender, addressed.get(0), payload, mediaType, CHANNEL)));
        }
        return answerEach(pipeline.submitToEach(sender, addressed, payload, mediaType, CHANNEL));
    }

    /**
     * A message to several recipients is one message per recipient, each judged on its own: 202 when any was
     * admitted, 422 when every one was rejected; either way the answer lists each with its id and status.
     */
    private static ResponseEntity<Object> answerEach(List<IntakeResult> results) {
        List<AcceptedFor> each = results.stream().map(AcceptedFor::of).toList();
        var admitted = results.stream().filter(r -> r.admission() != MessageState.REJECTED).findFirst();
        var builder = admitted.isPresent() ? ResponseEntity.accepted() : ResponseEntity.unprocessableEntity();
        if (results.stream().allMatch(IntakeResult::duplicate)) {
            builder.header(DUPLICATE, "true");
        }
        if (admitted.isEmpty()) {
            RejectionCode code = RejectionCode.valueOf(results.get(0).message().reasonCode());
            ProblemDetail problem = ProblemCodes.problem(HttpStatus.UNPROCESSABLE_ENTITY, code,
                    "recipients: the message was rejected by policy for every recipient (the first: " + code
                            + "); it will not be delivered");
            problem.setProperty("messages", each);
            return builder.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return builder.body(new AcceptedEach(each));
    }

    /**
     * The envelopes a message is sent with: one, or one per recipient. Several recipients share one conversation;
     * each message's id derives from the sender's message id (or one chosen here) and the mailbox, so a post sent
     * again is a duplicate for every recipient.
     */
    private static List<Envelope> withAssignedIds(List<Envelope> addressed) {
        if (addressed.size() == 1) {
            return List.of(addressed.get(0).withAssignedIds());
        }
        Envelope first = addressed.get(0).withAssignedIds();
        return addressed.stream().map(envelope -> new Envelope(UUID.nameUUIDFromBytes(("urn:kurir:recipient:"
                + first.messageId() + ":" + envelope.recipient()).getBytes(StandardCharsets.UTF_8)).toString(),
                first.conversationId(), envelope.inReplyTo(), envelope.correlationId(), envelope.recipient(),
                envelope.product(), envelope.status(), envelope.subject(), envelope.metadata(),
                envelope.legalBasis(), envelope.payload())).toList();
    }

    /**
     * A message has one envelope and one payload. A second envelope after the payload would put the payload under
     * another product's limit, and a second payload would be stored and left behind: both are refused before more is
     * read.
     */
    private static void refuseRepeated(String part, boolean repeated) {
        if (repeated) {
            throw new BadRequestException(RestProblem.MULTIPART_PART_REPEATED, part
                    + ": the part appears more than once, or after the payload; a message has one envelope, then "
                    + "one payload");
        }
    }

    /** A request refused after its payload was stored leaves nothing behind that no message names. */
    private void discard(StoredPayload payload) {
        if (payload != null) {
            intake.discardUnreferenced(payload);
        }
    }

    @Operation(summary = "Receipts (kvittenser) of a message, for its sender")
    @GetMapping("/{messageId}/receipts")
    Receipts receipts(@PathVariable String messageId, Authentication caller) {
        var sent = mailboxes.sent(caller.getName(), messageId);
        return new Receipts(messageId, sent.payload().sha256(), sent.payload().size(),
                mailboxes.receipts(caller.getName(), messageId).stream().map(ReceiptView::of).toList());
    }

    private List<Envelope> readEnvelopes(FileItemInput part) throws IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(ENVELOPE_LIMIT + 1);
        }
        if (bytes.length > ENVELOPE_LIMIT) {
            throw new BadRequestException(EnvelopeProblem.ENVELOPE_TOO_LARGE, "envelope: larger than "
                    + ENVELOPE_LIMIT + " bytes");
        }
        boolean xml = part.getContentType() != null && part.getContentType().contains("xml");
        return withAssignedIds(xml ? List.of(xmlEnvelopes.read(bytes)) : jsonEnvelopes.readAddressed(bytes));
    }

    private StoredPayload store(String sender, Envelope envelope, FileItemInput part) throws IOException {
        long limit = registry.product(envelope.product()).map(Product::maxPayloadBytes)
                .orElse(payloads.defaultLimit());
        try (InputStream in = part.getInputStream()) {
            return payloads.store(in, limit);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileUploadException broken) {
                throw broken;
            }
            throw e;
        } catch (PayloadTooLargeException e) {
            intake.refuseOversize(sender, envelope, limit, CHANNEL);
            throw e;
        }
    }

    static ResponseEntity<Object> answer(IntakeResult result) {
        var builder = result.admission() == MessageState.REJECTED
                ? ResponseEntity.unprocessableEntity()
                : ResponseEntity.accepted();
        builder.location(URI.create("/api/v1/messages/" + result.messageId() + "/receipts"));
        if (result.duplicate()) {
            builder.header(DUPLICATE, "true");
        }
        if (result.admission() == MessageState.REJECTED) {
            RejectionCode code = RejectionCode.valueOf(result.message().reasonCode());
            ProblemDetail problem = ProblemCodes.problem(HttpStatus.UNPROCESSABLE_ENTITY, code,
                    code.field() + ": the message was rejected by policy (" + code
                            + "); it will not be delivered");
            problem.setProperty("messageId", result.messageId());
            problem.setProperty("status", MessageState.REJECTED);
            return builder.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return builder.body(new Accepted(result.messageId(), result.admission()));
    }
}
