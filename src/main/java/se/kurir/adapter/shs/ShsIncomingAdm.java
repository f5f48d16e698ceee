package se.kurir.adapter.shs;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.MessageState;

/**
 * A confirm or error message an SHS client sends about a message it received: from the recipient to the sender,
 * the same corr.id and content.id, an {@code shs.management} data part. A confirmation acknowledges the messages it
 * names (as the delivery service's ack does); an error reaches the sender as an error message in its outbox (a
 * RECIPIENT_ERROR receipt with the error's code) and quarantines every message of that exchange the recipient has
 * not fetched yet, so nothing more of it is delivered. The recipient's own words (errorinfo) are not passed on: a
 * receipt never echoes content.
 */
@Component
class ShsIncomingAdm {

    static final int MANAGEMENT_LIMIT = 64 * 1024;

    private final MailboxAccess mailboxes;

    ShsIncomingAdm(MailboxAccess mailboxes) {
        this.mailboxes = mailboxes;
    }

    static boolean isAdm(ShsLabel label) {
        return label.product().equals(ShsAdmMessage.Kind.CONFIRM.product())
                || label.product().equals(ShsAdmMessage.Kind.ERROR.product());
    }

    ResponseEntity<String> receive(ShsLabel label, ShsMimeMessage message, String caller) {
        ShsAddress sender = label.sender();
        if (!sender.orgNumber().equals(caller)) {
            throw new ShsException(ShsProblem.SHS_SENDER_NOT_CALLER, "shs.label/from: " + sender
                    + " is not the authenticated participant " + caller);
        }
        if (label.to() == null) {
            throw new ShsException(ShsProblem.SHS_DELIVERY_ADDRESS_MISSING, "shs.label/to: a confirm or error "
                    + "message names the sender of the message it answers");
        }
        ShsMimeMessage.Part part = message.next();
        if (part == null) {
            throw new ShsException(ShsProblem.SHS_DATA_PARTS_MISMATCH, "body: a confirm or error message carries "
                    + "its shs.management as its data part");
        }
        ShsManagement management = ShsManagement.read(part.readAll(MANAGEMENT_LIMIT, "shs.management"));
        if (message.next() != null) {
            throw new ShsException(ShsProblem.SHS_DATA_PARTS_MISMATCH, "body: a confirm or error message has one "
                    + "data part, its shs.management");
        }
        List<MessageRecord> answered = answered(caller, label.to().orgNumber(), management);
        if (answered.isEmpty()) {
            throw new ShsException(ShsProblem.SHS_ADM_UNRELATED, "shs.management: no message from " + label.to()
                    + " to " + caller + " has corr.id " + management.corrId() + " and content.id "
                    + management.contentId());
        }
        for (MessageRecord m : answered) {
            if (!management.confirmation()) {
                mailboxes.reportError(caller, m, management.errorCode());
            } else if (m.state() == MessageState.DELIVERED || m.state() == MessageState.FETCHED) {
                mailboxes.acknowledge(caller, m.recipient(), m.messageId());
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.TEXT_PLAIN)
                .header(ShsHeaders.TX_ID, label.txId()).header(ShsHeaders.CORR_ID, label.corrId())
                .header(ShsHeaders.LOCAL_ID, String.join(",", answered.stream().map(MessageRecord::messageId).toList()))
                .body(label.txId());
    }

    /** The messages of that exchange: from the answered sender to the caller, with that corr.id and content.id. */
    private List<MessageRecord> answered(String caller, String sender, ShsManagement management) {
        return mailboxes.receivedFrom(caller, sender, ShsMessageList.SCAN_LIMIT).stream()
                .filter(m -> management.corrId().equals(ShsLabelWriter.corrId(m.envelope())))
                .filter(m -> management.contentId().equals(ShsLabelWriter.contentId(m))).toList();
    }
}
