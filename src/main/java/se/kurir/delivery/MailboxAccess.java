package se.kurir.delivery;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.payload.PayloadStore;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * A participant's view of its own mailboxes: list, read the envelope, stream the payload, acknowledge. Every call
 * checks that the caller owns the mailbox; a refusal is itself audited.
 */
@Service
public class MailboxAccess {

    /** What an error report takes out of the recipient's reach: all it has not fetched yet. */
    private static final Set<MessageState> QUARANTINABLE = Set.of(MessageState.HELD_FOR_REVIEW,
            MessageState.ACCEPTED, MessageState.DELIVERED);

    private final Registry registry;
    private final MessageRepository messages;
    private final PayloadStore payloads;
    private final AuditLog audit;
    private final Clock clock;

    MailboxAccess(Registry registry, MessageRepository messages, PayloadStore payloads, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.messages = messages;
        this.payloads = payloads;
        this.audit = audit;
        this.clock = clock;
    }

    public MailboxPage list(String caller, String mailbox, MailboxFilter filter) {
        checkOwner(caller, mailbox, "list");
        return messages.inMailbox(mailbox, filter);
    }

    public MessageRecord get(String caller, String mailbox, String messageId) {
        checkOwner(caller, mailbox, "read");
        return messages.find(messageId)
                .filter(m -> m.recipient().equals(mailbox) && MessageState.IN_MAILBOX.contains(m.state()))
                .orElseThrow(() -> DeliveryException.notFound("message " + messageId + " in mailbox " + mailbox));
    }

    /**
     * The addresses of a participant's mailboxes, for the participant itself; another caller is refused and the
     * refusal audited, as for one mailbox.
     */
    public List<String> ownMailboxes(String caller, String participant, String action) {
        if (registry.participant(participant).isEmpty()) {
            throw DeliveryException.notFound("participant " + participant);
        }
        if (!participant.equals(caller)) {
            throw refused(caller, participant, action, "the mailboxes of " + participant
                    + " belong to another participant");
        }
        return registry.mailboxes().stream().filter(m -> m.participant().equals(caller)).map(Mailbox::address)
                .toList();
    }

    /** A message waiting in any of the caller's mailboxes. */
    public MessageRecord getInOwnMailboxes(String caller, String messageId) {
        return messages.find(messageId)
                .filter(m -> m.recipient().startsWith(caller + ".") && MessageState.IN_MAILBOX.contains(m.state()))
                .orElseThrow(() -> DeliveryException.notFound("message " + messageId + " in the mailboxes of "
                        + caller));
    }

    /**
     * Opens the payload of a message the caller got from {@link #get} (which checked ownership); call
     * {@link #fetched} once every byte has been written to the caller.
     */
    public InputStream openPayload(MessageRecord message) {
        return payloads.open(message.payload().sha256());
    }

    public void fetched(String caller, MessageRecord message) {
        audit.append(MessageAudit.of(AuditEventType.MESSAGE_FETCHED, caller, message),
                () -> messages.transition(message.messageId(), Set.of(MessageState.DELIVERED), MessageState.FETCHED,
                        null, ReceiptType.FETCHED, clock.instant()));
    }

    /**
     * Acknowledging twice is harmless: the second call changes nothing and issues no second receipt or audit record,
     * even when the two race on different nodes.
     */
    public MessageState acknowledge(String caller, String mailbox, String messageId) {
        MessageRecord m = get(caller, mailbox, messageId);
        if (m.state() == MessageState.ACKNOWLEDGED) {
            return m.state();
        }
        audit.appendIfChanged(MessageAudit.of(AuditEventType.MESSAGE_ACKNOWLEDGED, caller, m),
                () -> messages.transition(messageId, Set.of(MessageState.DELIVERED, MessageState.FETCHED),
                        MessageState.ACKNOWLEDGED, null, ReceiptType.ACKNOWLEDGED, clock.instant()));
        return MessageState.ACKNOWLEDGED;
    }

    /**
     * What a sender sent to the caller's mailboxes, newest first, at most {@code limit}: the messages a report of
     * the caller's (an SHS error or confirm message) can be about.
     */
    public List<MessageRecord> receivedFrom(String caller, String sender, int limit) {
        return messages.fromSenderTo(sender, caller, limit);
    }

    /**
     * The caller, a message's recipient, reports an error about it: the sender gets a RECIPIENT_ERROR receipt with
     * the error's code, and a message the caller has not fetched yet is quarantined (out of its mailbox, never
     * delivered). Each is audited with its state change; a message already reported on is left as it is.
     */
    public void reportError(String caller, MessageRecord message, String errorCode) {
        if (!message.recipient().startsWith(caller + ".")) {
            throw DeliveryException.notFound("message " + message.messageId());
        }
        boolean quarantine = QUARANTINABLE.contains(message.state());
        audit.append(MessageAudit.of(AuditEventType.RECIPIENT_ERROR_REPORTED, caller, message, errorCode,
                Map.of("quarantined", Boolean.toString(quarantine))), () -> {
                    Instant at = clock.instant();
                    if (quarantine) {
                        messages.transition(message.messageId(), QUARANTINABLE, MessageState.QUARANTINED, errorCode,
                                ReceiptType.QUARANTINED, at);
                    }
                    messages.insertReceipt(new Receipt(message.messageId(), ReceiptType.RECIPIENT_ERROR, errorCode, at));
                });
    }

    /** What the caller sent of a product, newest first, at most {@code limit}. */
    public List<MessageRecord> sentBy(String caller, String product, int limit) {
        return messages.sentBy(caller, product, limit);
    }

    /** A message the caller sent; another participant's message is as unknown as one that does not exist. */
    public MessageRecord sent(String caller, String messageId) {
        return messages.find(messageId).filter(m -> m.sender().equals(caller))
                .orElseThrow(() -> DeliveryException.notFound("message " + messageId));
    }

    public List<Receipt> receipts(String caller, String messageId) {
        return messages.receipts(sent(caller, messageId).messageId());
    }

    /** Refuses, and audits the refusal, unless the mailbox exists and is the caller's. */
    public void checkOwner(String caller, String mailbox, String action) {
        if (registry.mailbox(mailbox).isEmpty()) {
            throw DeliveryException.notFound("mailbox " + mailbox);
        }
        if (!mailbox.startsWith(caller + ".")) {
            throw refused(caller, mailbox, action, "mailbox " + mailbox + " belongs to another participant");
        }
    }

    private DeliveryException refused(String caller, String mailbox, String action, String why) {
        audit.append(new AuditEvent(AuditEventType.MAILBOX_ACCESS_DENIED, caller, null, null, mailbox, null,
                DeliveryProblem.MAILBOX_FORBIDDEN.name(), null, Map.of("action", action)));
        return new DeliveryException(DeliveryException.Kind.FORBIDDEN, DeliveryProblem.MAILBOX_FORBIDDEN, why);
    }
}
