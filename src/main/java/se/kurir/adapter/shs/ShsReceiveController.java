package se.kurir.adapter.shs;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MessageIntake;
import se.kurir.delivery.MessageState;
import se.kurir.envelope.Envelope;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.payload.StoredPayload;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.Agreement;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;
import se.kurir.registry.ShsTerms;

/**
 * The SHS receive service: an SHS client posts a MIME message, label first, and is answered as SHS answers. The
 * label becomes an envelope before the data part is read, so the data part streams straight into the store under
 * its product's limit; the message enters the same pipeline (policy, audit, privacy, sealing) as every other. The
 * tx.id is the message id: a transfer sent again is the same message, answered with {@code duplicatemsg: yes}.
 */
@RestController
class ShsReceiveController {

    static final String CHANNEL = "SHS";

    private final ShsLabelReader labels;
    private final ShsEnvelopes envelopes;
    private final Registry registry;
    private final PayloadStore payloads;
    private final PipelineIngress pipeline;
    private final MessageIntake intake;
    private final ShsAdmMessages admMessages;
    private final ShsSynchRequests synchRequests;
    private final ShsProperties properties;
    private final ShsLegacyNumbers legacyNumbers;
    private final ShsIncomingAdm incomingAdm;

    ShsReceiveController(ShsLabelReader labels, ShsEnvelopes envelopes, Registry registry, PayloadStore payloads,
            PipelineIngress pipeline, MessageIntake intake, ShsAdmMessages admMessages,
            ShsSynchRequests synchRequests, ShsProperties properties, ShsLegacyNumbers legacyNumbers,
            ShsIncomingAdm incomingAdm) {
        this.legacyNumbers = legacyNumbers;
        this.incomingAdm = incomingAdm;
        this.labels = labels;
        this.envelopes = envelopes;
        this.registry = registry;
        this.payloads = payloads;
        this.pipeline = pipeline;
        this.intake = intake;
        this.admMessages = admMessages;
        this.synchRequests = synchRequests;
        this.properties = properties;
    }

    @PostMapping("/shs/rs")
    ResponseEntity<?> receive(HttpServletRequest request, Authentication caller) throws IOException {
        String sender = caller.getName();
        ShsMimeMessage message = ShsMimeMessage.open(request.getInputStream(), request.getContentType());
        ShsMimeMessage.Part labelPart = message.next();
        if (labelPart == null) {
            throw ShsMimeMessage.malformed("body: the message has no parts; the label comes first");
        }
        ShsLabel label = legacyNumbers.canonical(labels.read(labelPart.readAll(properties.labelMaxBytes(),
                "shs.label"), labelPart.headers().parameter("Content-Type", "charset")));
        if (ShsIncomingAdm.isAdm(label)) {
            return incomingAdm.receive(label, message, sender);
        }
        if (label.transferType() == ShsLabel.TransferType.SYNCH) {
            return synchRequests.ask(label, message, sender);
        }
        List<Envelope> addressed = envelopes.toEnvelopes(label, sender);
        ShsMimeMessage.Part first = message.next();
        if (first == null) {
            throw new ShsException(ShsProblem.SHS_DATA_PARTS_MISMATCH, "body: the message has a label and no "
                    + "data part");
        }
        Stored stored = label.data().size() > 1 ? storeParts(sender, addressed.get(0), message, first, label)
                : storeOne(sender, addressed.get(0), first);
        try {
            if (message.next() != null) {
                throw new ShsException(ShsProblem.SHS_DATA_PARTS_MISMATCH, "body: more data parts than the "
                        + Math.max(1, label.data().size()) + " the label's content declares");
            }
        } catch (RuntimeException e) {
            intake.discardUnreferenced(stored.payload());
            throw e;
        }
        return answer(label, pipeline.submitToEach(sender, stored.described(addressed), stored.payload(),
                stored.mediaType(), CHANNEL));
    }

    /** A payload in the store, and what the envelopes must add to say how its data parts were kept. */
    private record Stored(StoredPayload payload, String mediaType, Map<String, String> metadata) {
        List<Envelope> described(List<Envelope> addressed) {
            return addressed.stream().map(envelope -> {
                Envelope described = envelope;
                for (var entry : metadata.entrySet()) {
                    described = described.withMetadataIfAbsent(entry.getKey(), entry.getValue());
                }
                return described;
            }).toList();
        }
    }

    private Stored storeOne(String sender, Envelope envelope, ShsMimeMessage.Part data) {
        String mediaType = PayloadMediaType.check("data part Content-Type", contentTypeOf(data));
        return new Stored(store(sender, envelope, data.decoded()), mediaType, Map.of());
    }

    /** Several data parts become one document in the store ({@link ShsDataParts}), read as it streams in. */
    private Stored storeParts(String sender, Envelope envelope, ShsMimeMessage message, ShsMimeMessage.Part first,
            ShsLabel label) {
        if (label.data().size() > ShsDataParts.MAX_PARTS) {
            throw new ShsException(ShsProblem.SHS_DATA_PARTS_MISMATCH, "shs.label/content: " + label.data().size()
                    + " data parts; at most " + ShsDataParts.MAX_PARTS + " are carried in one message");
        }
        ShsDataParts.Incoming parts = ShsDataParts.read(message, first, label.data());
        StoredPayload payload = store(sender, envelope, parts.stream());
        return new Stored(payload, parts.mediaType(), ShsDataParts.metadata(parts.described()));
    }

    private static String contentTypeOf(ShsMimeMessage.Part data) {
        String type = data.headers().get("Content-Type");
        return type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : type;
    }

    private StoredPayload store(String sender, Envelope envelope, InputStream data) {
        long limit = registry.product(envelope.product()).map(Product::maxPayloadBytes)
                .orElse(payloads.defaultLimit());
        try (InputStream in = data) {
            return payloads.store(in, limit);
        } catch (PayloadTooLargeException e) {
            intake.refuseOversize(sender, envelope, limit, CHANNEL);
            throw new ShsException(RejectionCode.PAYLOAD_TOO_LARGE, ShsErrorCode.ILLEGAL_DATAPART_CONTENT,
                    "data part: larger than the product's limit of " + limit + " bytes", e);
        } catch (IOException | UncheckedIOException e) {
            throw ShsMimeMessage.malformed("body: the message ends inside its data part, before its closing "
                    + "boundary (" + e.getMessage() + "); nothing of it was kept", e);
        }
    }

    /**
     * 202 once any recipient's message is admitted; refused (400) only when every one was. With several recipients,
     * one refused by policy gets an error message in the sender's outbox, as the 202 did not say so.
     */
    private ResponseEntity<String> answer(ShsLabel label, List<IntakeResult> results) {
        List<IntakeResult> admitted = results.stream().filter(r -> r.admission() != MessageState.REJECTED).toList();
        if (admitted.isEmpty()) {
            IntakeResult first = results.get(0);
            throw new ShsRejectedException(RejectionCode.valueOf(first.message().reasonCode()), first.messageId());
        }
        results.forEach(result -> admMessages.remember(result, label,
                registry.agreement(result.message().agreementId()).flatMap(Agreement::shsTerms)
                        .map(ShsTerms::confirm).orElse(false)));
        IntakeResult first = admitted.get(0);
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.TEXT_PLAIN)
                .header(ShsHeaders.TX_ID, label.txId())
                .header(ShsHeaders.CORR_ID, label.corrId())
                .header(ShsHeaders.CONTENT_ID, label.contentId())
                .header(ShsHeaders.NODE_ID, properties.nodeId())
                .header(ShsHeaders.LOCAL_ID, String.join(",", admitted.stream().map(IntakeResult::messageId).toList()))
                .header(ShsHeaders.ARRIVAL_DATE, ShsLabelWriter.timestamp(first.message().receivedAt()))
                .header(ShsHeaders.DUPLICATE, results.stream().allMatch(IntakeResult::duplicate) ? "yes" : "no")
                .body(label.txId());
    }
}
