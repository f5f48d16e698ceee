package se.kurir.envelope;

/**
 * The payload an envelope speaks of: its SHA-256 (hex) and, optionally, its size. A sender may declare it, so the
 * gateway can refuse a truncated or altered payload; the gateway records it on every envelope it stores and delivers.
 */
public record PayloadDigest(String sha256, Long size) {

    public boolean describes(String actualSha256, long actualSize) {
        return sha256.equalsIgnoreCase(actualSha256) && (size == null || size == actualSize);
    }
}
