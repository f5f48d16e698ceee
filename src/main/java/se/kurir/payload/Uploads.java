package se.kurir.payload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Resumable uploads for unreliable links: a payload arrives in chunks at offsets the client names, each chunk durable
 * before it is acknowledged, and becomes a stored payload only when its SHA-256 matches the one the sender expects.
 * A chunk sent again (the acknowledgement was lost) rewrites the same bytes: the final digest decides. The bytes live
 * in one file per upload; the file's length is the offset to resume from, so a restart loses nothing received.
 */
@Service
public class Uploads {

    private static final int BUFFER = 64 * 1024;

    private final UploadRepository uploads;
    private final PayloadStore store;
    private final Clock clock;
    private final Duration expiry;

    Uploads(UploadRepository uploads, PayloadStore store, PayloadProperties properties, Clock clock) {
        this.uploads = uploads;
        this.store = store;
        this.clock = clock;
        this.expiry = properties.uploadExpiry();
    }

    public Upload create(String owner, String product, String mediaType, long maxBytes) {
        Instant now = clock.instant();
        Upload upload = new Upload(UUID.randomUUID().toString(), owner, product, mediaType, maxBytes, now,
                now.plus(expiry), 0);
        try {
            Files.createFile(partOf(upload.uploadId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploads.insert(upload);
        return upload;
    }

    /**
     * The upload as it was started (product, media type, limit), without reading how far it has come: also for an
     * upload whose bytes have already moved into the store by an earlier completion.
     */
    public Upload started(String owner, String uploadId) {
        return owned(owner, uploadId);
    }

    /** The upload and how far it has come; another participant's upload is as unknown as a missing one. */
    public Upload status(String owner, String uploadId) {
        Upload upload = owned(owner, uploadId);
        try {
            return upload.withReceived(Files.size(partOf(uploadId)));
        } catch (NoSuchFileException e) {
            throw completed(uploadId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a chunk at {@code offset}, which may repeat bytes already received but not leave a gap. The bytes that
     * arrived are kept even if the connection breaks mid-chunk; the client asks {@link #status} where to go on.
     *
     * @return the upload with its new length
     */
    public Upload append(String owner, String uploadId, long offset, InputStream chunk) {
        Upload upload = owned(owner, uploadId);
        try (FileChannel channel = FileChannel.open(partOf(uploadId), StandardOpenOption.WRITE)) {
            try (FileLock ignored = lock(channel, uploadId)) {
                long received = channel.size();
                if (offset < 0 || offset > received) {
                    throw new UploadException(UploadException.Kind.OFFSET_MISMATCH, received, "Upload-Offset: "
                            + offset + " does not continue the upload, which has " + received + " bytes");
                }
                channel.truncate(offset);
                channel.position(offset);
                long size = offset;
                try {
                    OutputStream out = Channels.newOutputStream(channel);
                    byte[] buffer = new byte[BUFFER];
                    for (int n; (n = chunk.read(buffer)) != -1;) {
                        if (size + n > upload.maxBytes()) {
                            channel.truncate(offset);
                            throw new PayloadTooLargeException(upload.maxBytes());
                        }
                        out.write(buffer, 0, n);
                        size += n;
                    }
                } finally {
                    channel.force(false);
                }
                return upload.withReceived(size);
            }
        } catch (NoSuchFileException e) {
            throw completed(uploadId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the received bytes against the digest the sender expects and moves them into the payload store. A
     * mismatch keeps the upload, so the sender can send chunks again and retry. Once the bytes have moved (an earlier
     * completion whose message was not admitted), a completion may only name those same bytes: any other digest is a
     * mismatch, even one the store holds for another message, so a completion can never probe for or take over
     * somebody else's payload.
     *
     * @param expectedSha256 the digest the sender computed; null from a browser, which cannot digest a file without
     *     holding it whole in memory: the digest is then the one computed here, which the sender is shown
     */
    public StoredPayload complete(String owner, String uploadId, String expectedSha256) {
        owned(owner, uploadId);
        Path part = partOf(uploadId);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try (FileLock ignored = lock(channel, uploadId)) {
                MessageDigest digest = Sha256.newDigest();
                InputStream in = Channels.newInputStream(channel.position(0));
                byte[] buffer = new byte[BUFFER];
                long size = 0;
                for (int n; (n = in.read(buffer)) != -1;) {
                    digest.update(buffer, 0, n);
                    size += n;
                }
                String actual = Sha256.hex(digest);
                if (expectedSha256 != null && !actual.equals(expectedSha256)) {
                    throw new PayloadDigestMismatchException(expectedSha256, actual, size);
                }
                uploads.markAdopted(uploadId, actual);
                return store.adopt(part, actual, size);
            }
        } catch (NoSuchFileException e) {
            return completedBefore(uploadId, expectedSha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an upload not yet finished holds this stored payload (its message may still be admitted). */
    public boolean holdsAdopted(String sha256) {
        return uploads.anyAdopted(sha256);
    }

    private StoredPayload completedBefore(String uploadId, String expectedSha256) {
        String adopted = uploads.adoptedDigest(uploadId).orElseThrow(() -> completed(uploadId));
        StoredPayload payload = store.find(adopted).orElseThrow(() -> completed(uploadId));
        if (expectedSha256 != null && !adopted.equals(expectedSha256)) {
            throw new PayloadDigestMismatchException(expectedSha256, adopted, payload.size());
        }
        store.hold(payload);
        return payload;
    }

    /** The upload has become a message (or is abandoned): forget it. */
    public void finish(String owner, String uploadId) {
        owned(owner, uploadId);
        forget(uploadId);
    }

    /** Removes uploads nobody completed in time; their bytes were never a message. */
    public int purgeExpired() {
        List<String> expired = uploads.expiredBefore(clock.instant());
        expired.forEach(this::forget);
        return expired.size();
    }

    private void forget(String uploadId) {
        try {
            Files.deleteIfExists(partOf(uploadId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploads.delete(uploadId);
    }

    private Upload owned(String owner, String uploadId) {
        return uploads.find(uploadId).filter(u -> u.owner().equals(owner))
                .orElseThrow(() -> new UploadException(UploadException.Kind.NOT_FOUND, 0, "upload " + uploadId
                        + " does not exist, has expired or belongs to another participant"));
    }

    private static FileLock lock(FileChannel channel, String uploadId) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // held by another request in this JVM
        }
        throw new UploadException(UploadException.Kind.BUSY, -1, "upload " + uploadId
                + " is taking another chunk or being completed; retry when that request has ended");
    }

    private UploadException completed(String uploadId) {
        return new UploadException(UploadException.Kind.NOT_FOUND, 0, "upload " + uploadId + " is already complete");
    }

    private Path partOf(String uploadId) {
        return store.uploadsDirectory().resolve(UUID.fromString(uploadId) + ".part");
    }
}
