package se.kurir.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** How a record's hash is computed: SHA-256 over length-prefixed fields, so no two field lists collide. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(long seq, Instant recordedAt, AuditEventType type, String actor, String messageId,
            String sender, String recipient, String product, String reasonCode, String legalBasis, String details,
            String prevHash) {
        MessageDigest digest = sha256();
        for (String field : new String[] {Long.toString(seq), Long.toString(recordedAt.toEpochMilli()), type.name(),
            actor, messageId, sender, recipient, product, reasonCode, legalBasis, details, prevHash}) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            digest.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String hashOf(AuditRecord r) {
        return hash(r.seq(), r.recordedAt(), r.type(), r.actor(), r.messageId(), r.sender(), r.recipient(),
                r.product(), r.reasonCode(), r.legalBasis(), r.details(), r.prevHash());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
