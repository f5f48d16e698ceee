package se.kurir.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.envelope.Envelope;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.StoredPayload;
import se.kurir.payload.Uploads;
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.RejectionCode;

/**
 * Admits a checked submission: records the decision in the audit log and, in the same transaction, the message state,
 * the sender's receipt and a small payload kept in memory until then, so nothing is ever queued that the log does not
 * know about, and a message id admitted twice at once is recorded (and audited) once.
 */
@Service
public class MessageIntake {

    private final MessageRepository messages;
    private final AuditLog audit;
    private final PayloadStore payloads;
    private final Uploads uploads;
    private final Clock clock;

    MessageIntake(MessageRepository messages, AuditLog audit, PayloadStore payloads, Uploads uploads, Clock clock) {
        this.messages = messages;
        this.audit = audit;
        this.payloads = payloads;
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * Removes a payload that no message names: the plaintext of a payload the gateway has just sealed, so that the
     * store keeps ciphertext only. Content-addressed, so a plaintext another message already holds (recorded, in
     * flight, or an upload not yet finished) stays. Gives up this message's own hold on it.
     */
    public void discardUnreferenced(StoredPayload payload) {
        payloads.release(payload);
        payloads.discardUnlessUsed(payload.sha256(),
                sha256 -> messages.referencesPayload(sha256) || uploads.holdsAdopted(sha256));
    }

    public IntakeResult admit(Submission submission, PolicyDecision decision) {
        Instant now = clock.instant();
        MessageState state = switch (decision.outcome()) {
            case ACCEPT -> MessageState.ACCEPTED;
            case REVIEW -> MessageState.HELD_FOR_REVIEW;
            case REJECT -> MessageState.REJECTED;
        };
        String reason = decision.reason() == null ? null : decision.reason().name();
        StoredPayload payload = submission.payload();
        Envelope envelope = submission.envelope().recording(payload.sha256(), payload.size());
        MessageRecord record = new MessageRecord(submission.messageId(), submission.sender(), envelope,
                state, reason, decision.agreementId(), payload, submission.mediaType(), now, now);
        var details = new HashMap<String, String>(Map.of("channel", submission.channel()));
        if (submission.forwarded()) {
            details.put("peerNode", submission.peerNode());
        }
        if (envelope.contradicts(payload.sha256(), payload.size())) {
            details.put("declaredSha256", envelope.payload().sha256());
        }
        try {
            audit.append(MessageAudit.of(auditType(state), submission.sender(), record, reason, details),
                    () -> {
                        payloads.makeDurable(payload);
                        messages.insert(record, receiptFor(state));
                    });
        } catch (DuplicateKeyException e) {
            return replay(submission.sender(), submission.messageId());
        }
        return new IntakeResult(record, false);
    }

    /** The answer given the first time this sender posted this message id. */
    public IntakeResult replay(String sender, String messageId) {
        MessageRecord existing = messages.find(messageId).orElseThrow(() -> new DeliveryException(
                DeliveryException.Kind.CONFLICT, DeliveryProblem.DUPLICATE_IN_PROGRESS,
                "message " + messageId + " is still being admitted; retry shortly"));
        if (!existing.sender().equals(sender)) {
            throw new DeliveryException(DeliveryException.Kind.CONFLICT, DeliveryProblem.MESSAGE_ID_CONFLICT,
                    "messageId " + messageId + " is already used by another sender");
        }
        return new IntakeResult(existing, true);
    }

    /** A message refused before it was stored, because its payload exceeded the product's limit. */
    public void refuseOversize(String sender, Envelope envelope, long limit, String channel) {
        refuseUnstored(sender, envelope, RejectionCode.PAYLOAD_TOO_LARGE,
                Map.of("limit", Long.toString(limit), "channel", channel));
    }

    /** A message refused because its payload is not the one its sender declared; the details name both digests. */
    public void refuseDigestMismatch(String sender, Envelope envelope, String expected, String received,
            String channel) {
        refuseUnstored(sender, envelope, RejectionCode.PAYLOAD_DIGEST_MISMATCH,
                Map.of("declaredSha256", expected, "sha256", received, "channel", channel));
    }

    private void refuseUnstored(String sender, Envelope envelope, RejectionCode code, Map<String, String> details) {
        audit.append(new AuditEvent(AuditEventType.MESSAGE_REJECTED, sender, envelope.messageId(), sender,
                envelope.recipient(), envelope.product(), code.name(), envelope.legalBasis().summary(), details));
    }

    public MessageRecord message(String messageId) {
        return messages.find(messageId).orElseThrow(() -> DeliveryException.notFound("message " + messageId));
    }

    private static AuditEventType auditType(MessageState state) {
        return switch (state) {
            case ACCEPTED -> AuditEventType.MESSAGE_ACCEPTED;
            case HELD_FOR_REVIEW -> AuditEventType.MESSAGE_HELD_FOR_REVIEW;
            default -> AuditEventType.MESSAGE_REJECTED;
        };
    }

    private static ReceiptType receiptFor(MessageState state) {
        return switch (state) {
            case ACCEPTED -> ReceiptType.ACCEPTED;
            case REJECTED -> ReceiptType.REJECTED;
            default -> null;
        };
    }
}
