package se.kurir.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/** The store on a real file system and the real migrations (JDBC slice): files for large payloads, rows for small. */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PayloadStoreTest {

    @TempDir
    Path dir;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noInlinePayloadsYet() {
        jdbc.update("DELETE FROM inline_payloads");
    }

    /** A store that keeps every payload in a file. */
    PayloadStore store() throws IOException {
        return storeInliningUpTo(0);
    }

    PayloadStore storeInliningUpTo(long bytes) throws IOException {
        return new PayloadStore(new PayloadProperties(dir, DataSize.ofMegabytes(1), Duration.ofHours(1),
                DataSize.ofBytes(bytes)), new InlinePayloadRepository(jdbc));
    }

    @Test
    void storesUnderItsSha256AndReadsBackTheSameBytes() throws Exception {
        byte[] content = "inkomst 412000".getBytes();
        PayloadStore store = store();

        StoredPayload stored = store.store(new ByteArrayInputStream(content), 100);

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(stored).isEqualTo(new StoredPayload(expected, content.length));
        assertThat(store.pathOf(expected)).startsWith(dir.resolve(expected.substring(0, 2)));
        try (InputStream in = store.open(expected)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void sameContentTwiceTakesTheSpaceOnce() throws Exception {
        PayloadStore store = store();
        store.store(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        store.store(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void oversizePayloadIsRefusedAndLeavesNothingBehind() throws Exception {
        PayloadStore store = store();
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[11]), 10))
                .isInstanceOf(PayloadTooLargeException.class);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void exactlyTheLimitIsAllowed() throws Exception {
        assertThat(store().store(new ByteArrayInputStream(new byte[10]), 10).size()).isEqualTo(10);
    }

    @Test
    void unknownOrMalformedDigestsAreRefused() throws Exception {
        PayloadStore store = store();
        assertThatThrownBy(() -> store.open("0".repeat(64))).isInstanceOf(PayloadNotFoundException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPayloadAnotherMessageStillHoldsIsNotDiscarded() throws Exception {
        byte[] content = "samma bytes i två meddelanden".getBytes();
        PayloadStore store = store();
        StoredPayload first = store.store(new ByteArrayInputStream(content), 100);
        StoredPayload second = store.store(new ByteArrayInputStream(content), 100); // in flight, not yet recorded

        store.release(first);
        assertThat(store.discardUnlessUsed(first.sha256(), sha256 -> false)).isFalse();
        assertThat(Files.exists(store.pathOf(first.sha256()))).as("the second message still holds it").isTrue();

        store.release(second);
        assertThat(store.discardUnlessUsed(first.sha256(), sha256 -> true)).as("a recorded message names it")
                .isFalse();
        assertThat(store.discardUnlessUsed(first.sha256(), sha256 -> false)).isTrue();
        assertThat(Files.exists(store.pathOf(first.sha256()))).isFalse();
        assertThat(store.holdCount(first.sha256())).isZero();
    }

    @Test
    void aWriteRacingADiscardOfTheSameBytesKeepsThem() throws Exception {
        PayloadStore store = store();
        for (int round = 0; round < 200; round++) {
            byte[] content = ("runda " + round).getBytes();
            StoredPayload sealedPlaintext = store.store(new ByteArrayInputStream(content), 100);
            store.release(sealedPlaintext);
            Thread writer = new Thread(() -> store.store(new ByteArrayInputStream(content), 100));
            writer.start();
            store.discardUnlessUsed(sealedPlaintext.sha256(), sha256 -> false);
            writer.join();
            assertThat(Files.exists(store.pathOf(sealedPlaintext.sha256()))).as("round " + round).isTrue();
            assertThat(store.holdCount(sealedPlaintext.sha256())).isEqualTo(1);
        }
    }

    @Test
    void aSmallPayloadStaysInMemoryUntilItsMessageMakesItDurableInTheDatabase() throws Exception {
        byte[] content = "inkomst 412000 för 19121212-1212".getBytes();
        PayloadStore store = storeInliningUpTo(64);

        StoredPayload stored = store.store(new ByteArrayInputStream(content), 100);
        assertThat(storedFiles()).as("no file, no sync").isEmpty();
        assertThat(inlineRows()).isZero();
        assertThat(readAll(store, stored)).isEqualTo(content);

        store.makeDurable(stored);
        store.release(stored);

        assertThat(store.holdCount(stored.sha256())).isZero();
        assertThat(inlineRows()).isOne();
        assertThat(readAll(store, stored)).as("read back from its row").isEqualTo(content);
        assertThat(storeInliningUpTo(64).find(stored.sha256())).as("after a restart")
                .contains(new StoredPayload(stored.sha256(), content.length));
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void aSmallPayloadNoMessageMadeDurableLeavesNothingBehindOnceReleased() throws Exception {
        PayloadStore store = storeInliningUpTo(64);
        StoredPayload plaintext = store.store(new ByteArrayInputStream("klartext före förseglingen".getBytes()), 100);

        store.release(plaintext);

        assertThatThrownBy(() -> store.open(plaintext.sha256())).isInstanceOf(PayloadNotFoundException.class);
        assertThat(store.find(plaintext.sha256())).isEmpty();
        assertThat(store.discardUnlessUsed(plaintext.sha256(), sha256 -> {
            throw new AssertionError("nothing durable to remove, so nothing to ask the messages about");
        })).isFalse();
        assertThat(storedFiles()).isEmpty();
        assertThat(inlineRows()).isZero();
    }

    @Test
    void aPayloadOneByteOverTheInlineLimitIsAFile() throws Exception {
        PayloadStore store = storeInliningUpTo(16);

        StoredPayload atLimit = store.store(new ByteArrayInputStream(new byte[16]), 100);
        StoredPayload over = store.write(out -> {
            out.write(new byte[16]);
            out.write(7); // the byte that spills it, written alone
        });

        assertThat(Files.exists(store.pathOf(atLimit.sha256()))).isFalse();
        assertThat(Files.exists(store.pathOf(over.sha256()))).isTrue();
        assertThat(readAll(store, over)).hasSize(17).endsWith(7);
        store.release(over);
        assertThat(readAll(store, over)).as("a file needs no hold to be read").hasSize(17);
    }

    @Test
    void theSameSmallContentForTwoMessagesIsKeptOnce() throws Exception {
        byte[] content = "samma rad två gånger".getBytes();
        PayloadStore store = storeInliningUpTo(64);
        StoredPayload first = store.store(new ByteArrayInputStream(content), 100);
        StoredPayload second = store.store(new ByteArrayInputStream(content), 100);

        store.makeDurable(first);
        store.makeDurable(second);
        store.release(first);
        assertThat(store.holdCount(first.sha256())).isOne();
        store.release(second);

        assertThat(inlineRows()).isOne();
        assertThat(readAll(store, second)).isEqualTo(content);
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private int inlineRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inline_payloads", Integer.class);
    }

    private static byte[] readAll(PayloadStore store, StoredPayload payload) throws IOException {
        try (InputStream in = store.open(payload.sha256())) {
            return in.readAllBytes();
        }
    }
}
