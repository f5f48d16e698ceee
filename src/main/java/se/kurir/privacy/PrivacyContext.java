package se.kurir.privacy;

/**
 * The flow a payload belongs to, as far as a privacy step and its audit record may know it: never the payload.
 *
 * @param messageId the message, or null for a page of feed events
 * @param sender the producing participant
 * @param recipient the receiving participant (organisation number): keys differ per recipient, so two recipients'
 *     pseudonyms cannot be linked
 * @param mailbox the recipient mailbox, or the subscription id for feed events
 * @param purpose the purpose of the legal basis the payload travels under: keys differ per purpose too
 * @param legalBasis the legal-basis tag in compact form, for the audit record
 * @param mediaType what the payload claims to be
 */
public record PrivacyContext(String messageId, String sender, String recipient, String mailbox, String product,
        String agreementId, String purpose, String legalBasis, String mediaType) {
}
