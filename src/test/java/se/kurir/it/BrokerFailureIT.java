package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.NodeProcess;

/**
 * The broker's disk fails under a running node (its journal directory is deleted, so the next journal file cannot
 * be created): the node stops admitting at once (503, never a hanging request), reports itself down, and exits
 * non-zero so that its supervisor restarts it, as Artemis itself stops on a critical I/O error.
 */
class BrokerFailureIT {

    @TempDir
    Path dataDir;

    @Test
    void aNodeWhoseBrokerIsGoneRefusesAtOnceReportsDownAndExitsNonZero() throws Exception {
        Path log = Path.of("target", "broker-failure-it-node.log").toAbsolutePath();
        // Small journal files, so the journal needs a new one after a few hundred messages. The halt comes late, so
        // that only the broker client's call timeout can bound a request whose send the failed broker never confirms.
        try (NodeProcess node = NodeProcess.start(dataDir, log, "--kurir.broker.journal-file-size=128KB",
                "--kurir.broker.call-timeout=2s", "--kurir.ops.fail-stop-timeout=30s")) {
            Api api = node.api();
            assertThat(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload())
                    .status()).isEqualTo(202);
            deleteTree(dataDir.resolve("artemis"));

            Api client = new Api(node.port(), Duration.ofSeconds(20));
            int refused = 0;
            long slowest = 0;
            long lastAccepted = System.nanoTime();
            long firstRefused = 0;
            for (int i = 0; i < 5_000 && refused < 3; i++) {
                long start = System.nanoTime();
                int status = post(client);
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                if (status == 503 || status == -1) {
                    firstRefused = refused++ == 0 ? System.nanoTime() : firstRefused;
                } else {
                    assertThat(status).as("before the broker fails, messages are accepted").isEqualTo(202);
                    lastAccepted = System.nanoTime();
                }
            }
            assertThat(refused).as("the node refused once its broker was gone").isEqualTo(3);
            assertThat(slowest).as("no request hangs on the dead broker (ms)").isLessThan(5_000);
            assertThat((firstRefused - lastAccepted) / 1_000_000).as("from the last acceptance to the first refusal "
                    + "(ms)").isLessThan(2_000);
            assertThat(node.exitCode(Duration.ofSeconds(45))).as("the node exits by itself, non-zero").hasValue(70);
        }
        assertThat(Files.readString(log)).contains("KUR-7001");
    }

    /** 202 or 503; -1 when the node no longer answers (it has exited) or the request timed out. */
    private static int post(Api client) {
        try {
            return client.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload()).status();
        } catch (UncheckedIOException goneOrTimedOut) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
