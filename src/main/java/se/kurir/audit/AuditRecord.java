package se.kurir.audit;

import java.time.Instant;

/**
 * One committed audit record. {@code hash} covers every other field, including {@code prevHash}, so altering,
 * removing or reordering any record breaks the chain from that point on.
 */
public record AuditRecord(long seq, Instant recordedAt, AuditEventType type, String actor, String messageId,
        String sender, String recipient, String product, String reasonCode, String legalBasis, String details,
        String prevHash, String hash) {
}
