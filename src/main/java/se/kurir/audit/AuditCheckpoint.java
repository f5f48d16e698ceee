package se.kurir.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The node's signed statement that the audit chain had this record at its head.
 *
 * @param keyId fingerprint of the certificate whose key signed it
 * @param signature base64 signature over {@link #signedBytes()}
 */
public record AuditCheckpoint(long seq, String hash, Instant signedAt, String keyId, String signature) {

    /** What is signed: unambiguous, and never confusable with anything else the key might sign. */
    public static byte[] signedBytes(long seq, String hash, Instant signedAt) {
        return ("kurir-audit-checkpoint:1|" + seq + "|" + hash + "|" + signedAt.toEpochMilli())
                .getBytes(StandardCharsets.US_ASCII);
    }

    byte[] signedBytes() {
        return signedBytes(seq, hash, signedAt);
    }
}
