package se.kurir.audit;

import java.time.Instant;

/** Audit search filters; null means no filter. {@code participant} matches the actor, the sender or the recipient. */
public record AuditQuery(String messageId, String participant, String product, Instant from, Instant to,
        int limit) {
}
