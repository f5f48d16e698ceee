package se.kurir.crypto;

/**
 * The message a sealing operation belongs to, for its audit record.
 *
 * @param recipient the recipient mailbox
 * @param legalBasis the legal-basis tag in compact form
 */
public record SealingContext(String messageId, String sender, String recipient, String product, String legalBasis,
        String agreementId) {

    public String recipientParticipant() {
        return recipient.substring(0, recipient.indexOf('.'));
    }
}
