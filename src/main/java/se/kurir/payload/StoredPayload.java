package se.kurir.payload;

/** A payload in the store: its SHA-256 (hex, also its address) and its size in bytes. */
public record StoredPayload(String sha256, long size) {
}
