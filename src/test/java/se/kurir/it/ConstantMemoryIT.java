package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.BulkClient;
import se.kurir.support.Envelopes;
import se.kurir.support.NodeProcess;
import se.kurir.support.SftpTestServer;
import se.kurir.support.ShsClient;

/**
 * Streams stay streams: a node whose heap (128 MB) is smaller than the file carries a 10 MB and then a 200 MB file in
 * by REST and out by REST, in by SFTP and out by SFTP, and in and out by SHS. While each moves, the test has the node collect its garbage
 * every quarter second and reads the live heap from the GC log: it must not grow with the file.
 */
class ConstantMemoryIT {

    private static final int MB = 1024 * 1024;
    private static final Pattern FULL_GC = Pattern.compile("Pause Full \\(Diagnostic Command\\) (\\d+)M->(\\d+)M");

    @TempDir
    Path dir;

    @Test
    void theLiveHeapDoesNotGrowWithTheFile() throws Exception {
        Path gcLog = dir.resolve("gc.log");
        try (SftpTestServer sftp = new SftpTestServer(dir);
                NodeProcess node = NodeProcess.start(dir.resolve("node"), dir.resolve("node.log"),
                        List.of("-Xmx128m", "-Xlog:gc:file=" + gcLog), sftp.gatewayArguments())) {
            Transfers transfers = new Transfers(node.api(), sftp, node.port());
            long small = liveHeapWhile(node, gcLog, () -> transfers.bothWays(10 * MB));
            long large = liveHeapWhile(node, gcLog, () -> transfers.bothWays(200 * MB));
            System.out.printf("ConstantMemoryIT: live heap %d MB moving 10 MB files, %d MB moving 200 MB files%n",
                    small, large);

            assertThat(large).as("live heap (MB) with 200 MB files vs %d MB with 10 MB files", small)
                    .isLessThanOrEqualTo(small + 16);
        }
    }

    /** The largest live heap, in MB, that the node's full collections saw while the work ran. */
    private static long liveHeapWhile(NodeProcess node, Path gcLog, ThrowingRunnable work) throws Exception {
        long from = Files.exists(gcLog) ? Files.size(gcLog) : 0;
        var collector = Executors.newSingleThreadScheduledExecutor();
        collector.scheduleWithFixedDelay(() -> jcmd(node.pid(), "GC.run"), 0, 250, TimeUnit.MILLISECONDS);
        try {
            work.run();
        } finally {
            collector.shutdownNow();
            collector.awaitTermination(10, TimeUnit.SECONDS);
        }
        String log = Files.readString(gcLog).substring((int) from);
        List<Long> live = new ArrayList<>();
        Matcher m = FULL_GC.matcher(log);
        while (m.find()) {
            live.add(Long.parseLong(m.group(2)));
        }
        assertThat(live).as("full collections during the transfer").isNotEmpty();
        return live.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private static void jcmd(long pid, String command) {
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A file in by REST and out by REST, and in by SFTP and out by SFTP, its digest checked at the far end. */
    private final class Transfers {

        private final Api api;
        private final SftpTestServer sftp;
        private final BulkClient client;
        private final ShsClient shsSender;
        private final ShsClient shsRecipient;

        Transfers(Api api, SftpTestServer sftp, int port) {
            this.api = api;
            this.sftp = sftp;
            this.client = new BulkClient(port);
            this.shsSender = new ShsClient(port, Api.FORSAKRINGSKASSAN);
            this.shsRecipient = new ShsClient(port, Api.SKATTEVERKET);
        }

        void bothWays(int size) throws Exception {
            Path file = BulkClient.generate(dir.resolve("payload-" + size), size);
            String sha256 = BulkClient.sha256(file);
            restRoundTrip(file, sha256);
            sftpRoundTrip(file, sha256);
            shsRoundTrip(file, sha256);
        }

        private void shsRoundTrip(Path file, String sha256) throws Exception {
            String tx = UUID.randomUUID().toString();
            String label = ShsClient.label(tx).replace("urn:X-shs:2021005448", "urn:X-shs:2021005521")
                    .replace("urn:X-shs:2021005521.kontroll", "urn:X-shs:2021005448.kontroll")
                    .replace(ShsClient.INKOMSTUPPGIFT, ShsClient.MANADSFIL);
            var answer = shsSender.sendFile(label, "text/csv", file);
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            String message = "/api/v1/mailboxes/2021005448.kontroll/messages/" + tx;
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "DELIVERED".equals(api.get(Api.SKATTEVERKET, message).json().get("state").asText()));
            Path fetched = dir.resolve("fetched-" + tx);
            assertThat(shsRecipient.fetchDataPartSha256("/shs/ds/urn:X-shs:2021005448.kontroll/" + tx, fetched))
                    .isEqualTo(sha256);
            Files.delete(fetched);
        }

        private void restRoundTrip(Path file, String sha256) throws Exception {
            String messageId = UUID.randomUUID().toString();
            assertThat(client.send(Api.FORSAKRINGSKASSAN, Envelopes.manadsfil(messageId), file)).isEqualTo(202);
            String message = "/api/v1/mailboxes/2021005448.kontroll/messages/" + messageId;
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "DELIVERED".equals(api.get(Api.SKATTEVERKET, message).json().get("state").asText()));
            Path fetched = dir.resolve("fetched-" + messageId);
            assertThat(client.fetch(Api.SKATTEVERKET, "2021005448.kontroll", messageId, fetched)).isEqualTo(200);
            assertThat(BulkClient.sha256(fetched)).isEqualTo(sha256);
            Files.delete(fetched);
        }

        private void sftpRoundTrip(Path file, String sha256) throws Exception {
            String name = "manadsfil-" + UUID.randomUUID() + ".csv";
            Path outbox = sftp.dir("outbox");
            Files.copy(file, outbox.resolve(name));
            Files.writeString(outbox.resolve(name + ".manifest.json"), Envelopes.manadsfil(null)
                    .replace("2021005448.kontroll", "2021005448.filmottagning"));
            Path delivered = BulkClient.awaitDelivered(sftp.dir("inbox"), name, Duration.ofSeconds(120));
            assertThat(BulkClient.sha256(delivered)).isEqualTo(sha256);
            Files.delete(delivered);
        }
    }
}
