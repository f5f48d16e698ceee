package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.NodeProcess;
import se.kurir.support.ShsClient;

/**
 * A 5 GB SHS data part through a node with a 256 MB heap: in through the receive service and out through the
 * delivery service, each side streaming (the test client generates the bytes as it sends them and hashes what it
 * fetches as it reads it). A payload held whole anywhere would not fit the heap twenty times over.
 */
class ShsLargeDataPartIT {

    private static final long SIZE = 5L * 1024 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aFiveGigabyteDataPartCrossesA256MegabyteHeap() throws Exception {
        try (NodeProcess node = NodeProcess.start(dir.resolve("node"), dir.resolve("node.log"), List.of("-Xmx256m"))) {
            ShsClient sender = new ShsClient(node.port(), Api.FORSAKRINGSKASSAN);
            ShsClient recipient = new ShsClient(node.port(), Api.SKATTEVERKET);
            String tx = UUID.randomUUID().toString();
            String label = ShsClient.label(tx, "urn:X-shs:2021005521", "urn:X-shs:2021005448.kontroll",
                    ShsClient.MANADSFIL);
            Generated generated = new Generated(SIZE);

            long started = System.nanoTime();
            var answer = sender.sendStream(label, "text/csv", () -> generated);
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            String message = "/api/v1/mailboxes/2021005448.kontroll/messages/" + tx;
            await().atMost(Duration.ofMinutes(2)).until(() ->
                    "DELIVERED".equals(node.api().get(Api.SKATTEVERKET, message).json().get("state").asText()));
            long received = System.nanoTime();
            String fetched = recipient.streamDataPartSha256("/shs/ds/urn:X-shs:2021005448.kontroll/" + tx, SIZE);
            long done = System.nanoTime();

            assertThat(fetched).isEqualTo(generated.sha256());
            assertThat(node.api().get(Api.SKATTEVERKET, message).json().get("state").asText()).isEqualTo("FETCHED");
            System.out.printf("ShsLargeDataPartIT: 5 GB in %.0f s, out %.0f s, at -Xmx256m%n",
                    (received - started) / 1e9, (done - received) / 1e9);
        }
    }

    /** Pseudo-random bytes of a given length, made as they are read and hashed on the way. */
    private static final class Generated extends InputStream {
        private final byte[] block = new byte[1 << 20];
        private final MessageDigest digest;
        private final long size;
        private long position;

        Generated(long size) throws NoSuchAlgorithmException {
            this.size = size;
            this.digest = MessageDigest.getInstance("SHA-256");
            new Random(size).nextBytes(block);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == size) {
                return -1;
            }
            int inBlock = (int) (position % block.length);
            if (inBlock == 0) { // every block differs from the one before: its number in its first bytes
                ByteBuffer.wrap(block).putLong(position / block.length);
            }
            int n = (int) Math.min(Math.min(length, block.length - inBlock), size - position);
            System.arraycopy(block, inBlock, buffer, offset, n);
            digest.update(buffer, offset, n);
            position += n;
            return n;
        }

        String sha256() {
            assertThat(position).as("bytes sent").isEqualTo(size);
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
