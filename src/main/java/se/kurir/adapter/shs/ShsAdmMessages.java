package se.kurir.adapter.shs;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.ReceiptType;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.Registry;

/**
 * The confirm and error messages SHS owes a sender, in the outbox its label named: a confirm once the recipient
 * acknowledged a message whose agreement asks for one, an error once a message admitted earlier is denied in review,
 * given up on (FAILED, EXPIRED) or reported in error by its recipient ({@link ShsIncomingAdm}). A refusal at the door is answered there, with {@code X-shs-errorcode}, and gets
 * no error message besides.
 */
@Component
class ShsAdmMessages {

    /** How many of a sender's newest outcomes a list reads, like the scan limit of a mailbox's list. */
    static final int SCAN_LIMIT = ShsMessageList.SCAN_LIMIT;

    private final ShsSentRepository sent;
    private final Registry registry;
    private final Clock clock;

    ShsAdmMessages(ShsSentRepository sent, Registry registry, Clock clock) {
        this.sent = sent;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Remembers a message an SHS client sent and where its answers go: the mailbox its label's from (or originator)
     * names, if that is one of the sender's, else the organisation's outbox as a whole.
     */
    void remember(IntakeResult result, ShsLabel label, boolean confirm) {
        ShsAddress sender = label.sender();
        String mailbox = sender.mailbox();
        String outbox = mailbox != null && registry.mailbox(mailbox).isPresent() ? mailbox : sender.orgNumber();
        sent.record(result.messageId(), sender.orgNumber(), outbox, confirm, clock.instant());
    }

    /** The adm messages of the caller's outbox, newest first; the caller has been checked to own it. */
    List<ShsAdmMessage> in(MailboxAccess mailboxes, String caller, ShsAddress outbox) {
        return sent.outcomes(caller, outbox.mailbox(), SCAN_LIMIT).stream()
                .map(o -> admMessage(mailboxes, caller, o)).toList();
    }

    Optional<ShsAdmMessage> find(MailboxAccess mailboxes, String caller, ShsAddress outbox, String txId) {
        return sent.byAdmTxId(txId).map(o -> admMessage(mailboxes, caller, o))
                .filter(m -> m.answered().sender().equals(caller))
                .filter(m -> outbox.mailboxName() == null || outbox.toString().equals(m.outbox()));
    }

    void acknowledge(ShsAdmMessage message) {
        sent.acknowledge(message.txId(), clock.instant());
    }

    /** The {@code shs.management} body: the corr.id and content.id it answers, a confirmation or an error. */
    byte[] management(ShsAdmMessage message) {
        return ShsXml.document("shs.management", "shs-management.dtd", "the SHS management message "
                + message.txId(), xml -> {
                    xml.writeAttribute("corr.id", ShsLabelWriter.corrId(message.answered().envelope()));
                    xml.writeAttribute("content.id", ShsLabelWriter.contentId(message.answered()));
                    if (message.kind() == ShsAdmMessage.Kind.CONFIRM) {
                        xml.writeEmptyElement("confirmation");
                    } else {
                        xml.writeStartElement("error");
                        ShsXml.element(xml, "errorcode", message.errorCode().wireName());
                        ShsXml.element(xml, "errorinfo", message.errorInfo());
                        xml.writeEndElement();
                    }
                });
    }

    private static ShsAdmMessage admMessage(MailboxAccess mailboxes, String caller, ShsSentRepository.Outcome o) {
        MessageRecord answered = mailboxes.sent(caller, o.messageId());
        String to = answered.envelope().metadata().getOrDefault(ShsEnvelopes.FROM, answered.envelope().metadata()
                .getOrDefault(ShsEnvelopes.ORIGINATOR, ShsAddress.PREFIX + caller));
        String outbox = ShsAddress.parse(to).toString();
        return switch (o.kind()) {
            case CONFIRM -> new ShsAdmMessage(o.admTxId(), o.kind(), answered, outbox, null, null, o.issuedAt(),
                    o.acknowledged());
            case ERROR -> new ShsAdmMessage(o.admTxId(), o.kind(), answered, outbox, errorCode(o), errorInfo(o),
                    o.issuedAt(), o.acknowledged());
        };
    }

    private static ShsErrorCode errorCode(ShsSentRepository.Outcome o) {
        if (o.receipt() == ReceiptType.RECIPIENT_ERROR) {
            return ShsErrorCode.ofWireName(o.reasonCode()).orElse(ShsErrorCode.OTHER_ERROR);
        }
        Optional<RejectionCode> rejection = rejection(o);
        return rejection.map(ShsErrorCode::forRejection).orElse(ShsErrorCode.OTHER_ERROR);
    }

    private static String errorInfo(ShsSentRepository.Outcome o) {
        if (o.receipt() == ReceiptType.RECIPIENT_ERROR) {
            return "RECIPIENT_ERROR: the recipient reported " + o.reasonCode() + " about the message; its own words "
                    + "are not passed on";
        }
        if (o.receipt() == ReceiptType.REJECTED) {
            return rejection(o).map(r -> r.name() + ": " + r.meaning()).orElse("rejected (" + o.reasonCode() + ")");
        }
        return o.receipt() == ReceiptType.FAILED ? "DELIVERY_FAILED: the gateway gave up delivering the message "
                + "after every attempt (" + o.reasonCode() + ")" : "EXPIRED: the message was not fetched in time";
    }

    private static Optional<RejectionCode> rejection(ShsSentRepository.Outcome o) {
        try {
            return o.receipt() == ReceiptType.REJECTED && o.reasonCode() != null
                    ? Optional.of(RejectionCode.valueOf(o.reasonCode())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
