package se.kurir.payload;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Content-addressed payload store on a file system: {@code <dir>/ab/cd/<sha256>}. Writes go to a temporary file,
 * are synced, then moved into place atomically, so a payload that is visible is complete. The same content stored
 * twice takes the space once.
 *
 * <p>Because the same bytes may belong to several messages, a payload is only removed ({@link #discardUnlessUsed})
 * when no message in flight holds it and no recorded one names it. Every write takes a hold on what it stored, under
 * the same per-digest lock the removal takes, so a second message storing the same bytes while the first is sealed
 * keeps them. Holds live in this node's memory: a payload directory shared by several nodes must not discard.
 */
@Service
public class PayloadStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;
    private final Path uploads;
    private final long defaultLimit;
    private final Object[] digestLocks = new Object[64];
    private final ConcurrentHashMap<String, Integer> holds = new ConcurrentHashMap<>();

    PayloadStore(PayloadProperties properties) throws IOException {
        root = properties.directory().toAbsolutePath();
        defaultLimit = properties.defaultMaxSize().toBytes();
        incoming = Files.createDirectories(root.resolve("incoming"));
        uploads = Files.createDirectories(root.resolve("uploads"));
        for (int i = 0; i < digestLocks.length; i++) {
            digestLocks[i] = new Object();
        }
    }

    /** Where resumable uploads grow until they are complete; on the store's file system, so adopting is a rename. */
    Path uploadsDirectory() {
        return uploads;
    }

    /**
     * Takes a complete file into the store under its digest, which the caller has just computed from the file
     * itself. A rename, not a copy: a multi-gigabyte upload is not written twice.
     */
    StoredPayload adopt(Path file, String sha256, long size) {
        try {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            moveIntoPlaceAndHold(file, sha256);
            return new StoredPayload(sha256, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored payload with this digest, if the store holds it. */
    Optional<StoredPayload> find(String sha256) {
        Path path = pathOf(sha256);
        try {
            return Optional.of(new StoredPayload(sha256, Files.size(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the input into the store, refusing it once more than {@code maxBytes} have arrived. */
    public StoredPayload store(InputStream in, long maxBytes) {
        return write(out -> {
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            for (int n; (n = in.read(buffer)) != -1;) {
                size += n;
                if (size > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        });
    }

    /**
     * Stores what the writer produces (a payload being sealed, say) without holding it: written to a temporary file,
     * synced, then moved into place under its digest.
     */
    public StoredPayload write(PayloadWriter writer) {
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "payload-", ".part");
            DigestingOutputStream out;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out = new DigestingOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            String sha256 = out.sha256();
            moveIntoPlaceAndHold(temp, sha256);
            temp = null;
            return new StoredPayload(sha256, out.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Takes one more hold on a payload already stored, for a message that will name it again. */
    void hold(StoredPayload payload) {
        synchronized (lockOf(payload.sha256())) {
            holds.merge(payload.sha256(), 1, Integer::sum);
        }
    }

    /**
     * Gives up the hold a write took: the message it was stored for is recorded (and so names it) or has failed.
     * Every payload returned by {@link #store}, {@link #write} or adopted from an upload is held until released.
     */
    public void release(StoredPayload payload) {
        holds.computeIfPresent(payload.sha256(), (sha256, count) -> count == 1 ? null : count - 1);
    }

    /**
     * Removes a payload that nothing refers to any more (the plaintext a payload was sealed from), unless a message in
     * flight holds it or {@code referenced} says a recorded one names it. The caller releases its own hold first.
     *
     * @return whether the payload was removed
     */
    public boolean discardUnlessUsed(String sha256, Predicate<String> referenced) {
        synchronized (lockOf(sha256)) {
            if (holds.containsKey(sha256) || referenced.test(sha256)) {
                return false;
            }
            try {
                return Files.deleteIfExists(pathOf(sha256));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Holds taken and not released; for tests and metrics. */
    public int holdCount(String sha256) {
        return holds.getOrDefault(sha256, 0);
    }

    /** Produces a payload into an output stream the store owns. */
    @FunctionalInterface
    public interface PayloadWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Counts and digests what passes, so the store never reads a payload back to name it. */
    private static final class DigestingOutputStream extends FilterOutputStream {

        private final MessageDigest digest = Sha256.newDigest();
        private long size;

        DigestingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            size += len;
        }

        @Override
        public void close() {
            // the store closes the file itself, after syncing it
        }

        String sha256() {
            return Sha256.hex(digest);
        }

        long size() {
            return size;
        }
    }

    private void moveIntoPlaceAndHold(Path temp, String sha256) throws IOException {
        Path target = pathOf(sha256);
        synchronized (lockOf(sha256)) {
            moveIntoPlace(temp, target);
            holds.merge(sha256, 1, Integer::sum);
        }
    }

    private Object lockOf(String sha256) {
        return digestLocks[Math.floorMod(sha256.hashCode(), digestLocks.length)];
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Files.delete(temp);
            return;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // Another request stored the same content at the same moment: identical bytes, keep theirs.
            Files.deleteIfExists(temp);
        }
    }

    /** Bytes still available to the store's file system. */
    public long usableSpace() {
        try {
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    public boolean isWritable() {
        return Files.isWritable(incoming);
    }

    /** The limit for payloads whose product sets none. */
    public long defaultLimit() {
        return defaultLimit;
    }

    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new PayloadNotFoundException(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: an orphaned .part file in incoming/ is harmless and never addressed
            }
        }
    }
}
