package se.kurir.payload;

import java.time.Instant;

/**
 * A resumable upload in progress.
 *
 * @param received bytes durably received so far: the offset the next chunk starts at
 */
public record Upload(String uploadId, String owner, String product, String mediaType, long maxBytes,
        Instant createdAt, Instant expiresAt, long received) {

    Upload withReceived(long bytes) {
        return new Upload(uploadId, owner, product, mediaType, maxBytes, createdAt, expiresAt, bytes);
    }
}
