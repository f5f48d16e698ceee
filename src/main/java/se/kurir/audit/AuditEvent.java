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

    /** Longest detail value kept; the log holds metadata, and an over-long value is somebody's input. */
    static final int MAX_DETAIL_VALUE = 500;

    /**
     * Every field is cut to what its column holds, so a refusal caused by an over-long value can itself always be
     * recorded (the audit table must never be the thing that fails).
     */
    public AuditEvent {
        actor = clamp(actor, 100);
        messageId = clamp(messageId, 36);
        sender = clamp(sender, 10);
        recipient = clamp(recipient, 80);
        product = clamp(product, 64);
        reasonCode = clamp(reasonCode, 48);
        legalBasis = clamp(legalBasis, 500);
        TreeMap<String, String> kept = new TreeMap<>();
        if (details != null) {
            details.forEach((key, value) -> kept.put(clamp(key, 64), clamp(value, MAX_DETAIL_VALUE)));
        }
        details = kept;
    }

    private static String clamp(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
