package se.kurir.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a caller asks the audit log to record. Metadata only: identifiers, codes, digests, never content.
 *
 * @param actor who acted: a participant's organisation number, an operator's user name, or {@code gateway}
 * @param sender the participant that sent the message concerned
 * @param recipient the mailbox concerned
 * @param legalBasis the legal-basis tag in compact form (statute, provision, mode, purpose, classification)
 * @param details further metadata (digest, size, justification, ...), kept in key order so the hash is stable
 */
public record AuditEvent(AuditEventType type, String actor, String messageId, String sender, String recipient,
        String product, String reasonCode, String legalBasis, Map<String, String> details) {

    public AuditEvent {
        details = details == null ? Map.of() : new TreeMap<>(details);
    }
}
