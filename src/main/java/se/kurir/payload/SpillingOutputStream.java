package se.kurir.payload;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps what is written in memory while it stays within the inline limit, and moves it to a temporary file the
 * moment it does not: a small payload never touches the disk, a large one is never held whole in memory.
 */
final class SpillingOutputStream extends OutputStream {

    private static final int BUFFER = 64 * 1024;

    private final long inlineLimit;
    private final Path spillDirectory;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(8 * 1024);
    private Path file;
    private FileChannel channel;
    private OutputStream fileOut;

    SpillingOutputStream(long inlineLimit, Path spillDirectory) {
        this.inlineLimit = inlineLimit;
        this.spillDirectory = spillDirectory;
    }

    @Override
    public void write(int b) throws IOException {
        target(1).write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target(len).write(b, off, len);
    }

    private OutputStream target(int len) throws IOException {
        if (fileOut == null && memory.size() + (long) len > inlineLimit) {
            spill();
        }
        return fileOut == null ? memory : fileOut;
    }

    private void spill() throws IOException {
        file = Files.createTempFile(spillDirectory, "payload-", ".part");
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        fileOut = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
        memory.writeTo(fileOut);
        memory = null;
    }

    boolean spilled() {
        return file != null;
    }

    /** What was written, when it stayed in memory. */
    byte[] bytes() {
        return memory.toByteArray();
    }

    /** The temporary file, synced to disk and closed, when what was written did not fit in memory. */
    Path syncedFile() throws IOException {
        fileOut.flush();
        channel.force(true);
        channel.close();
        return file;
    }

    /** Gives up a write that failed: closes and removes the temporary file, if there is one. */
    void discard() {
        if (file == null) {
            return;
        }
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: an orphaned .part file in incoming/ is harmless and never addressed
        }
    }

    @Override
    public void close() {
        // the store closes the file itself, after syncing it
    }
}
