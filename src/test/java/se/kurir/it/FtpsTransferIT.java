package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.BulkClient;
import se.kurir.support.Envelopes;
import se.kurir.support.FtpsTestServer;
import se.kurir.support.KurirNode;

/**
 * The same outbox and inbox over FTPS (explicit TLS 1.3, protected data channel) against a real FTP server (Apache
 * FtpServer) whose certificate the gateway trusts through its configured trust store.
 */
class FtpsTransferIT {

    private static final int MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aBatchFileTravelsFromAnFtpsOutboxToAnFtpsInboxWithItsDigestAndABadOneIsRefused() throws Exception {
        try (FtpsTestServer ftps = new FtpsTestServer(dir);
                KurirNode node = KurirNode.start(dir.resolve("node"), ftps.gatewayProperties())) {
            Path outbox = ftps.dir("outbox");
            Path data = BulkClient.generate(outbox.resolve("manadsfil-ftps.csv"), 8 * MB);
            String sha256 = BulkClient.sha256(data);
            Files.writeString(outbox.resolve("manadsfil-ftps.csv.manifest.json"), Envelopes.manadsfil(null)
                    .replace("2021005448.kontroll", "2021005448.filmottagning"));

            Path delivered = BulkClient.awaitDelivered(ftps.dir("inbox"), "manadsfil-ftps.csv", Duration.ofSeconds(60));
            assertThat(BulkClient.sha256(delivered)).isEqualTo(sha256);
            assertThat(Api.parse(Files.readString(BulkClient.manifestOf(delivered))).at("/envelope/payload/sha256")
                    .asText()).isEqualTo(sha256);
            await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(data));

            Path bad = BulkClient.generate(outbox.resolve("utan-mottagare.csv"), MB);
            Files.writeString(outbox.resolve("utan-mottagare.csv.manifest.json"), "{\"product\": \"x\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (Stream<Path> files = Files.walk(outbox.resolve("error"))) {
                    return files.anyMatch(f -> f.getFileName().toString().equals("utan-mottagare.csv"));
                } catch (java.io.IOException notYet) {
                    return false;
                }
            });
            assertThat(bad).doesNotExist();
            assertThat(node.api().get(Api.AUDITOR, "/api/v1/audit?participant=2021005521").json()
                    .findValuesAsText("type")).contains("FILE_REFUSED");
        }
    }

    @Test
    void aServerWhoseCertificateDoesNotNameItsHostIsNeverUsed() throws Exception {
        Path serverDir = Files.createDirectories(dir.resolve("elsewhere"));
        try (FtpsTestServer ftps = new FtpsTestServer(serverDir, "dns:files.elsewhere.example");
                KurirNode node = KurirNode.start(dir.resolve("node-elsewhere"), ftps.gatewayProperties())) {
            Path outbox = ftps.dir("outbox");
            Path data = BulkClient.generate(outbox.resolve("manadsfil-fel-vard.csv"), MB);
            Path manifest = Files.writeString(outbox.resolve("manadsfil-fel-vard.csv.manifest.json"),
                    Envelopes.manadsfil(null).replace("2021005448.kontroll", "2021005448.filmottagning"));

            // Trusted chain, wrong name: the TLS handshake fails, so no poll ever reads or moves a file.
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                    .until(() -> Files.exists(data) && Files.exists(manifest));
            assertThat(node.api().get(Api.AUDITOR, "/api/v1/audit?participant=2021005521").json()
                    .findValuesAsText("type")).doesNotContain("MESSAGE_ACCEPTED");
        }
    }
}
