package se.kurir.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;

/**
 * Messages whose delivery failed after every attempt. The broker's dead-letter queue funnels them here; from then on
 * the database is the record: the sender gets a FAILED receipt, operators list them and replay one or all, and every
 * step is audited.
 */
@Service
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String DELIVERY_FAILED = DeliveryProblem.DELIVERY_FAILED.name();

    private final MessageRepository messages;
    private final AuditLog audit;
    private final MailboxQueue queue;
    private final Clock clock;

    DeadLetters(MessageRepository messages, AuditLog audit, MailboxQueue queue, Clock clock) {
        this.messages = messages;
        this.audit = audit;
        this.queue = queue;
        this.clock = clock;
    }

    /** A delivery attempt failed; the broker will try again or dead-letter the message. */
    public void attemptFailed(String messageId, String error) {
        messages.recordFailedAttempt(messageId, error, clock.instant());
    }

    /**
     * The broker gave up on this message. Returns false when the message is unknown or no longer waiting, so the
     * caller can keep the broker message for a person instead of pretending it was recorded.
     */
    public boolean record(String messageId) {
        Optional<MessageRecord> message = messages.find(messageId);
        if (message.isEmpty()) {
            return false;
        }
        if (message.get().state() != MessageState.ACCEPTED) {
            return true;
        }
        DeadLetter letter = messages.deadLetterView(messageId);
        audit.append(MessageAudit.of(AuditEventType.MESSAGE_FAILED, MessageAudit.GATEWAY, message.get(),
                DELIVERY_FAILED, Map.of("attempts", Integer.toString(letter.attempts()),
                        "lastError", String.valueOf(letter.lastError()))));
        messages.transition(messageId, Set.of(MessageState.ACCEPTED), MessageState.FAILED, DELIVERY_FAILED,
                ReceiptType.FAILED, clock.instant());
        log.warn(DeliveryLogCode.DEAD_LETTERED + " message {} to {} dead-lettered after {} attempts: {}",
                messageId, letter.recipient(), letter.attempts(), letter.lastError());
        return true;
    }

    /** How many messages are dead letters now. */
    public long count() {
        return messages.countInState(MessageState.FAILED);
    }

    public List<DeadLetter> list(int limit) {
        return messages.deadLetters(limit);
    }

    /** Queues a dead letter again for another round of attempts. */
    public void replay(String operator, String messageId) {
        MessageRecord m = messages.find(messageId).filter(r -> r.state() == MessageState.FAILED)
                .orElseThrow(() -> DeliveryException.notFound("dead letter " + messageId));
        audit.append(MessageAudit.of(AuditEventType.MESSAGE_REPLAYED, operator, m));
        if (!messages.transition(messageId, Set.of(MessageState.FAILED), MessageState.ACCEPTED, null, null,
                clock.instant())) {
            throw new DeliveryException(DeliveryException.Kind.CONFLICT, DeliveryProblem.NOT_A_DEAD_LETTER,
                    "message " + messageId + " was replayed by someone else meanwhile");
        }
        messages.resetAttempts(messageId);
        queue.enqueue(messages.find(messageId).orElseThrow());
    }

    /** Replays every dead letter; returns how many. */
    public int replayAll(String operator, int limit) {
        List<DeadLetter> letters = messages.deadLetters(limit);
        letters.forEach(letter -> replay(operator, letter.messageId()));
        return letters.size();
    }
}
