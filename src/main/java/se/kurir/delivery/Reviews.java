package se.kurir.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.policy.RejectionCode;

/**
 * The manual confidentiality review (sekretessprövning): messages whose agreement requires it wait here until a
 * reviewer approves (the message is queued for its mailbox) or denies (it is rejected, never delivered), always
 * with a justification that goes to the audit log.
 */
@Service
public class Reviews {

    private final MessageRepository messages;
    private final AuditLog audit;
    private final MailboxQueue queue;
    private final Clock clock;

    Reviews(MessageRepository messages, AuditLog audit, MailboxQueue queue, Clock clock) {
        this.messages = messages;
        this.audit = audit;
        this.queue = queue;
        this.clock = clock;
    }

    public List<MessageRecord> pending(int limit) {
        return messages.inState(MessageState.HELD_FOR_REVIEW, clock.instant().plusSeconds(1), limit);
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
