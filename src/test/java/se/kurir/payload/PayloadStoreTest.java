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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class PayloadStoreTest {

    @TempDir
    Path dir;

    PayloadStore store() throws IOException {
        return new PayloadStore(new PayloadProperties(dir, DataSize.ofMegabytes(1), Duration.ofHours(1)));
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
}
