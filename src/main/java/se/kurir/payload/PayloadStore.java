package se.kurir.payload;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Content-addressed payload store: a payload is named by its SHA-256 and the same content stored twice takes the
 * space once. Large payloads are files, {@code <dir>/ab/cd/<sha256>}: written to a temporary file, synced, then moved
 * into place atomically, so a payload that is visible is complete. Small ones (up to
 * {@code kurir.payload.inline-max-size}) never become files: they stay in memory while their message is checked,
 * sealed and admitted, and the admission writes them to the database in its own transaction ({@link #makeDurable}),
 * so a small message costs one durable write rather than a file sync and a commit. The plaintext a small payload was
 * sealed from is never written anywhere.
 *
 * <p>Because the same bytes may belong to several messages, a payload is only removed ({@link #discardUnlessUsed})
 * when no message in flight holds it and no recorded one names it. Every write takes a hold on what it stored, under
 * the same per-digest lock the removal takes, so a second message storing the same bytes while the first is sealed
 * keeps them. Holds, and the small payloads not yet admitted, live in this node's memory: a payload directory shared
 * by several nodes must not discard.
 */
@Service
public class PayloadStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final LongAdder bytesStored = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final Path incoming;
    private final Path uploads;
    private final long defaultLimit;
    private final long inlineLimit;
    private final InlinePayloadRepository inline;
    private final Object[] digestLocks = new Object[64];
    private final ConcurrentHashMap<String, Hold> holds = new ConcurrentHashMap<>();

    /**
     * Messages in flight that hold a payload and, for a small payload not yet admitted, its only copy.
     *
     * @param inMemory the content, while it is kept nowhere else; null for a payload in a file or in the database
     */
    private record Hold(int count, byte[] inMemory) {

        Hold another(byte[] content) {
            return new Hold(count + 1, inMemory != null ? inMemory : content);
        }

        Hold lessOne() {
            return count == 1 ? null : new Hold(count - 1, inMemory);
        }
    }

    PayloadStore(PayloadProperties properties, InlinePayloadRepository inline) throws IOException {
        root = properties.directory().toAbsolutePath();
        defaultLimit = properties.defaultMaxSize().toBytes();
        inlineLimit = properties.inlineMaxSize().toBytes();
        this.inline = inline;
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
        byte[] inMemory = inMemory(sha256);
        if (inMemory != null) {
            return Optional.of(new StoredPayload(sha256, inMemory.length));
        }
        try {
            return Optional.of(new StoredPayload(sha256, Files.size(path)));
        } catch (NoSuchFileException e) {
            return inline.size(sha256).map(size -> new StoredPayload(sha256, size));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the input into the store, refusing it once more than {@code maxBytes} have arrived. */
    public StoredPayload store(InputStream in, long maxBytes) {
        StoredPayload stored = write(out -> {
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
        bytesStored.add(stored.size());
        return stored;
    }

    /** Bytes of payloads taken in since start (what senders sent); for metrics. */
    public long bytesStored() {
        return bytesStored.sum();
    }

    /** Bytes read out of the store since start (deliveries, fetches, and the pipeline's own reads); for metrics. */
    public long bytesRead() {
        return bytesRead.sum();
    }

    /**
     * Stores what the writer produces (a payload being sealed, say), holding it: kept in memory if it is small, else
     * written to a temporary file, synced, then moved into place under its digest.
     */
    public StoredPayload write(PayloadWriter writer) {
        SpillingOutputStream spilling = new SpillingOutputStream(inlineLimit, incoming);
        boolean stored = false;
        try {
            DigestingOutputStream out = new DigestingOutputStream(spilling);
            writer.writeTo(out);
            String sha256 = out.sha256();
            if (spilling.spilled()) {
                moveIntoPlaceAndHold(spilling.syncedFile(), sha256);
            } else {
                takeHold(sha256, spilling.bytes());
            }
            stored = true;
            return new StoredPayload(sha256, out.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!stored) {
                spilling.discard();
            }
        }
    }

    /**
     * Writes a payload still kept in memory to the database, in the caller's transaction: the one that records the
     * message naming it. Nothing to do for a payload in a file, or one some message made durable before.
     */
    public void makeDurable(StoredPayload payload) {
        byte[] inMemory = inMemory(payload.sha256());
        if (inMemory != null) {
            inline.insertIfAbsent(payload.sha256(), inMemory);
        }
    }

    /** Takes one more hold on a payload already stored, for a message that will name it again. */
    public void hold(StoredPayload payload) {
        takeHold(payload.sha256(), null);
    }

    /** Counts one more holder of the payload; {@code content} is its only copy, for a small one not yet admitted. */
    private void takeHold(String sha256, byte[] content) {
        synchronized (lockOf(sha256)) {
            holds.compute(sha256, (digest, hold) -> hold == null ? new Hold(1, content) : hold.another(content));
        }
    }

    /**
     * Gives up the hold a write took: the message it was stored for is recorded (and so names it) or has failed.
     * Every payload returned by {@link #store}, {@link #write} or adopted from an upload is held until released. The
     * last release of a small payload lets go of its bytes in memory: by then its message has made them durable, or
     * was never admitted.
     */
    public void release(StoredPayload payload) {
        holds.computeIfPresent(payload.sha256(), (sha256, hold) -> hold.lessOne());
    }

    /**
     * Removes a payload that nothing refers to any more (the plaintext a payload was sealed from), unless a message in
     * flight holds it or {@code referenced} says a recorded one names it. The caller releases its own hold first.
     *
     * @return whether the payload was removed
     */
    public boolean discardUnlessUsed(String sha256, Predicate<String> referenced) {
        Path path = pathOf(sha256);
        synchronized (lockOf(sha256)) {
            // A payload kept in memory went with its last hold; one in the database is there because a message names it.
            if (holds.containsKey(sha256) || !Files.exists(path) || referenced.test(sha256)) {
                return false;
            }
            try {
                return Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Holds taken and not released; for tests and metrics. */
    public int holdCount(String sha256) {
        Hold hold = holds.get(sha256);
        return hold == null ? 0 : hold.count();
    }

    private byte[] inMemory(String sha256) {
        Hold hold = holds.get(sha256);
        return hold == null ? null : hold.inMemory();
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
            takeHold(sha256, null);
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
        return new CountingInputStream(openUncounted(sha256), bytesRead);
    }

    private InputStream openUncounted(String sha256) {
        Path path = pathOf(sha256);
        byte[] inMemory = inMemory(sha256);
        if (inMemory != null) {
            return new ByteArrayInputStream(inMemory);
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            return inline.content(sha256).map(ByteArrayInputStream::new)
                    .orElseThrow(() -> new PayloadNotFoundException(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds what is read through it to a counter. */
    private static final class CountingInputStream extends FilterInputStream {
        private final LongAdder counter;

        CountingInputStream(InputStream in, LongAdder counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.increment();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counter.add(n);
            }
            return n;
        }
    }

    /**
     * The file a large payload is kept in, for a reader that takes a file rather than a stream (phase4's
     * attachments); empty for a small payload, which lives in memory or the database and is read with {@link #open}.
     */
    public Optional<Path> file(String sha256) {
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
