package se.kurir.delivery;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.payload.PayloadStore;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.Agreement;
import se.kurir.registry.Registry;

/**
 * The manual confidentiality review (sekretessprövning): messages whose agreement requires it wait here until a
 * reviewer approves (the message is queued for its mailbox) or denies (it is rejected, never delivered), always
 * with a justification that goes to the audit log. A reviewer judges the content too, where the node can read it:
 * a payload sealed for its recipient stays closed to the reviewer as to the gateway, and each opening of one that
 * is not is audited.
 */
@Service
public class Reviews {

    private final MessageRepository messages;
    private final AuditLog audit;
    private final MailboxQueue queue;
    private final Clock clock;
    private final PayloadStore payloads;
    private final Registry registry;

    Reviews(MessageRepository messages, AuditLog audit, MailboxQueue queue, Clock clock, PayloadStore payloads,
            Registry registry) {
        this.messages = messages;
        this.audit = audit;
        this.queue = queue;
        this.clock = clock;
        this.payloads = payloads;
        this.registry = registry;
    }

    public List<MessageRecord> pending(int limit) {
        return messages.inState(MessageState.HELD_FOR_REVIEW, clock.instant().plusSeconds(1), limit);
    }

    /** A message waiting for review. */
    public MessageRecord pendingMessage(String messageId) {
        return held(messageId);
    }

    /** Whether the message's agreement has its payloads sealed for the recipient, so that nobody here can read it. */
    public boolean contentSealed(MessageRecord message) {
        return registry.agreement(message.agreementId()).flatMap(Agreement::payloadProtection).isPresent();
    }

    /**
     * The held message's payload, for the reviewer to judge; the opening is audited first.
     *
     * @throws DeliveryException CONTENT_SEALED when the payload is sealed for its recipient
     */
    public InputStream openContent(String reviewer, String messageId) {
        MessageRecord m = held(messageId);
        if (contentSealed(m)) {
            throw new DeliveryException(DeliveryException.Kind.CONFLICT, DeliveryProblem.CONTENT_SEALED,
                    "payload: message " + messageId + " is sealed for " + m.recipient());
        }
        audit.append(MessageAudit.of(AuditEventType.REVIEW_CONTENT_OPENED, reviewer, m));
        return payloads.open(m.payload().sha256());
    }

    public MessageRecord approve(String reviewer, String messageId, String justification) {
        MessageRecord m = held(messageId);
        audit.append(MessageAudit.of(AuditEventType.REVIEW_APPROVED, reviewer, m, null,
                Map.of("justification", justification)));
        decide(messageId, MessageState.ACCEPTED, null, ReceiptType.ACCEPTED);
        MessageRecord accepted = messages.find(messageId).orElseThrow();
        queue.enqueue(accepted);
        return accepted;
    }

    public MessageRecord deny(String reviewer, String messageId, String justification) {
        MessageRecord m = held(messageId);
        String reason = RejectionCode.REVIEW_DENIED.name();
        audit.append(MessageAudit.of(AuditEventType.REVIEW_DENIED, reviewer, m, reason,
                Map.of("justification", justification)));
        decide(messageId, MessageState.REJECTED, reason, ReceiptType.REJECTED);
        return messages.find(messageId).orElseThrow();
    }

    private MessageRecord held(String messageId) {
        MessageRecord m = messages.find(messageId).orElseThrow(() -> DeliveryException.notFound("message "
                + messageId));
        if (m.state() != MessageState.HELD_FOR_REVIEW) {
            throw new DeliveryException(DeliveryException.Kind.CONFLICT, DeliveryProblem.NOT_IN_REVIEW,
                    "message " + messageId + " is " + m.state() + ", not waiting for review");
        }
        return m;
    }

    private void decide(String messageId, MessageState to, String reason, ReceiptType receipt) {
        if (!messages.transition(messageId, Set.of(MessageState.HELD_FOR_REVIEW), to, reason, receipt,
                clock.instant())) {
            throw new DeliveryException(DeliveryException.Kind.CONFLICT, DeliveryProblem.NOT_IN_REVIEW,
                    "message " + messageId + " was decided by someone else meanwhile");
        }
    }
}
