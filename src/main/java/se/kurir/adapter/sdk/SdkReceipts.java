package se.kurir.adapter.sdk;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MailboxAccess;
import se.kurir.delivery.MessageRecord;
import se.kurir.delivery.MessageState;
import se.kurir.delivery.Receipt;
import se.kurir.delivery.ReceiptType;
import se.kurir.policy.RejectionCode;

/**
 * The Meddelandekvittens a sender is owed for an SDK message, derived from Kurir's receipts: ACCEPTED once the
 * message is in the recipient's functional mailbox, REJECTED with the reason when policy refused it. No receipt is
 * given while it is on its way, nor for an unknown recipient (as SDK gives none). The receipt's id is fixed per
 * message, so it reads the same every time.
 */
@Component
class SdkReceipts {

    private final MailboxAccess mailboxes;

    SdkReceipts(MailboxAccess mailboxes) {
        this.mailboxes = mailboxes;
    }

    Optional<SdkReceipt> of(MessageRecord message) {
        String recipient = message.envelope().metadata().get(SdkEnvelopes.RECIPIENT);
        String sender = message.envelope().metadata().get(SdkEnvelopes.SENDER);
        String id = UUID.nameUUIDFromBytes(("urn:kurir:sdk-receipt:" + message.messageId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        if (MessageState.IN_MAILBOX.contains(message.state())) {
            return Optional.of(new SdkReceipt(id, issued(message, ReceiptType.DELIVERED), recipient, sender,
                    message.messageId(), List.of()));
        }
        if (message.state() != MessageState.REJECTED || message.reasonCode() == null) {
            return Optional.empty();
        }
        RejectionCode code;
        try {
            code = RejectionCode.valueOf(message.reasonCode());
        } catch (IllegalArgumentException e) {
            code = null;
        }
        if (code == RejectionCode.UNKNOWN_RECIPIENT) {
            return Optional.empty();
        }
        SdkIssue issue = code == null ? new SdkIssue(SdkIssue.Kind.BV, "NA", "invariant", message.reasonCode())
                : issue(code);
        return Optional.of(new SdkReceipt(id, issued(message, ReceiptType.REJECTED), recipient, sender,
                message.messageId(), List.of(issue)));
    }

    /** A policy's refusal as a line response: which kind, the specification's detail code, and Kurir's reason. */
    private static SdkIssue issue(RejectionCode code) {
        String reason = code.name() + ": " + code.meaning();
        return switch (code) {
            case PAYLOAD_TOO_LARGE -> new SdkIssue(SdkIssue.Kind.BV, "NA", "too-long", reason);
            case SIGNATURE_INVALID, SEAL_MALFORMED, PAYLOAD_NOT_SEALED, CERTIFICATE_EXPIRED, CERTIFICATE_REVOKED ->
                    new SdkIssue(SdkIssue.Kind.SIG, "NA",
                    "security", reason);
            case NO_AGREEMENT, AGREEMENT_NOT_VALID, CLASSIFICATION_ABOVE_CEILING, LEGAL_BASIS_NOT_ALLOWED,
                    DISCLOSURE_MODE_NOT_ALLOWED, PURPOSE_NOT_ALLOWED, REVIEW_DENIED -> new SdkIssue(SdkIssue.Kind.BV,
                            "NA", "forbidden", reason);
            default -> new SdkIssue(SdkIssue.Kind.BV, "NA", "invariant", reason);
        };
    }

    private Instant issued(MessageRecord message, ReceiptType type) {
        return mailboxes.receipts(message.sender(), message.messageId()).stream()
                .filter(r -> r.type() == type).map(Receipt::at).findFirst().orElse(message.updatedAt());
    }
}
