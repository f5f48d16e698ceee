package se.kurir.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;

/**
 * Puts queued messages into their mailbox. Delivery is idempotent: a message the broker hands over twice (after a
 * crash, or a requeue) is delivered once, because only an ACCEPTED message can become DELIVERED.
 */
@Service
public class MailboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailboxDelivery.class);

    private final MessageRepository messages;
    private final AuditLog audit;
    private final MailboxQueue queue;
    private final Clock clock;

    MailboxDelivery(MessageRepository messages, AuditLog audit, MailboxQueue queue, Clock clock) {
        this.messages = messages;
        this.audit = audit;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Records the message as delivered by this broker message (its JMS message id, the same on every redelivery).
     * Returns true when this call delivered the message, false when it was already delivered. A queue message with no
     * record is refused, never dropped: the broker redelivers it and finally dead-letters it for an operator.
     */
    public boolean deliver(String messageId, String brokerMessageId) {
        return deliverAll(List.of(new QueuedCopy(messageId, brokerMessageId))) == 1;
    }

    /** A message's copy on a mailbox queue: the message and the broker's id of the copy. */
    public record QueuedCopy(String messageId, String brokerMessageId) {
    }

    /**
     * As {@link #deliver}, for a run of queued messages taken in one broker transaction: recorded together, so they
     * share a database commit. Refuses the whole run when one of them has no record (the broker redelivers the run).
     *
     * @return how many of them this call delivered
     */
    public int deliverAll(List<QueuedCopy> run) {
        List<AuditEvent> events = new ArrayList<>(run.size());
        List<Supplier<Boolean>> changes = new ArrayList<>(run.size());
        Instant now = clock.instant();
        for (QueuedCopy copy : run) {
            Optional<MessageRecord> waiting = awaitingDelivery(copy.messageId());
            if (waiting.isEmpty()) {
                log.debug("Message {} is not waiting for delivery; duplicate hand-over ignored", copy.messageId());
                continue;
            }
            MessageRecord message = waiting.get();
            events.add(MessageAudit.of(AuditEventType.MESSAGE_DELIVERED, MessageAudit.GATEWAY, message));
            changes.add(() -> messages.markDelivered(message.messageId(), message.recipient(),
                    copy.brokerMessageId(), now));
        }
        return (int) audit.appendAllIfChanged(events, changes).stream().filter(Boolean.TRUE::equals).count();
    }

    /**
     * For a delivery whose copy travels in the broker transaction of the hand-over (a broker outbox): records the
     * message as delivered by this broker message first, and returns it only to the one hand-over that did, so two
     * copies of a queue message (a requeue) never both send. The message is also returned when this very broker
     * message recorded it before and its transaction then never committed: its outbox copy was rolled back with it
     * and must be sent again. Any other broker message finds it delivered and sends nothing.
     */
    public Optional<MessageRecord> claimForTransactedDelivery(String messageId, String brokerMessageId) {
        Optional<MessageRecord> waiting = awaitingDelivery(messageId);
        if (waiting.isPresent()) {
            return recordDelivered(waiting.get(), brokerMessageId) ? waiting : Optional.empty();
        }
        if (!messages.deliveredBy(messageId, brokerMessageId)) {
            return Optional.empty();
        }
        log.warn(DeliveryLogCode.OUTBOX_COPY_RESENT + " message {} was recorded delivered by broker message {}, "
                + "whose transaction did not commit; sending its outbox copy again", messageId, brokerMessageId);
        return messages.find(messageId);
    }

    /**
     * The peer node that serves the recipient took the message over: delivered, as far as this node goes, audited
     * naming the node. Its later receipts (fetched, acknowledged) come back from there ({@link PeerReceipts}).
     */
    public boolean deliveredToPeer(MessageRecord message, String brokerMessageId, String peerNode) {
        return audit.appendIfChanged(MessageAudit.of(AuditEventType.MESSAGE_DELIVERED, MessageAudit.GATEWAY, message,
                null, Map.of("peerNode", peerNode)), () -> messages.markDelivered(message.messageId(),
                        message.recipient(), brokerMessageId, clock.instant()));
    }

    private boolean recordDelivered(MessageRecord message, String brokerMessageId) {
        return audit.appendIfChanged(
                MessageAudit.of(AuditEventType.MESSAGE_DELIVERED, MessageAudit.GATEWAY, message),
                () -> messages.markDelivered(message.messageId(), message.recipient(), brokerMessageId,
                        clock.instant()));
    }

    /**
     * The message if it still waits for delivery, for a delivery that must act before recording it (a push). Empty
     * when it was delivered already; refused when unknown, as in {@link #deliver}.
     */
    public Optional<MessageRecord> awaitingDelivery(String messageId) {
        MessageRecord message = messages.find(messageId).orElseThrow(() -> {
            log.error(DeliveryLogCode.QUEUE_MESSAGE_UNKNOWN + " queue message {} has no record in the database; "
                    + "refused for redelivery", messageId);
            return new UnknownMessageException(messageId);
        });
        return Optional.of(message).filter(m -> m.state() == MessageState.ACCEPTED);
    }

    /**
     * As {@link #awaitingDelivery}, for an attempt about to start (a push, a file inbox): the attempt
     * counts as activity, so a message in back-off is never taken for one whose hand-over was lost and queued again.
     */
    public Optional<MessageRecord> startingAttempt(String messageId) {
        Optional<MessageRecord> message = awaitingDelivery(messageId);
        message.ifPresent(m -> messages.touch(messageId, clock.instant()));
        return message;
    }

    /** What waits for delivery, per mailbox; mailboxes with nothing waiting are absent. */
    public List<Backlog> backlog() {
        return messages.backlog();
    }

    /**
     * Queues again messages that were accepted and untouched for a while and are still not delivered: the repair for a broker send that
     * failed after the database had committed. A message still in its queue is delivered once all the same.
     */
    public int requeueStale(Duration olderThan, int limit) {
        Instant before = clock.instant().minus(olderThan);
        List<MessageRecord> stale = messages.inState(MessageState.ACCEPTED, before, limit);
        for (MessageRecord m : stale) {
            // Touching updated_at spaces requeues of one message by at least olderThan, so a long backlog is not
            // queued again on every run.
            messages.transition(m.messageId(), Set.of(MessageState.ACCEPTED), MessageState.ACCEPTED, null, null,
                    clock.instant());
            audit.append(MessageAudit.of(AuditEventType.MESSAGE_REQUEUED, MessageAudit.GATEWAY, m));
            queue.enqueue(m);
        }
        if (!stale.isEmpty()) {
            log.warn(DeliveryLogCode.STALE_REQUEUED + " requeued {} accepted messages older than {}", stale.size(),
                    olderThan);
        }
        return stale.size();
    }
}
