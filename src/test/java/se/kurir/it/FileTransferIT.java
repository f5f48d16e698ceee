package se.kurir.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.BulkClient;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.kurir.support.BulkClient.manifestOf;
import static se.kurir.support.BulkClient.sha256;

/**
 * Försäkringskassan's monthly batch file to Skatteverket over SFTP: picked up from the outbox with its manifest,
 * carried as a message, delivered to the inbox under a temporary name and renamed, SHA-256 checked end to end; and
 * what happens to bad manifests, incomplete files and cut connections. A real SFTP server (MINA SSHD) on loopback.
 */
class FileTransferIT extends IntegrationTest {

    private static final int MB = 1024 * 1024;
    private static final String INBOX_MAILBOX = "2021005448.filmottagning";

    private final Path outbox = SFTP.dir("outbox");
    private final Path inbox = SFTP.dir("inbox");

    @Test
    void aBatchFileWithItsManifestArrivesInTheInboxWholeWithItsDigest() throws Exception {
        Path data = write("manadsfil-" + UUID.randomUUID() + ".csv", 20 * MB);
        String sha256 = sha256(data);
        manifest(data, withDigest(Envelopes.envelope(null, INBOX_MAILBOX, "manadsfil-utbetalningar",
                "SFS 2009:400", "10 kap. 28 §", "DUTY_TO_NOTIFY", "felaktiga-utbetalningar", "SUBSTANTIAL"), sha256));

        Path delivered = awaitDelivered(data.getFileName().toString());
        assertThat(sha256(delivered)).isEqualTo(sha256);
        var manifest = Api.parse(Files.readString(manifestOf(delivered)));
        assertThat(manifest.get("sender").asText()).isEqualTo("2021005521");
        assertThat(manifest.at("/envelope/payload/sha256").asText()).isEqualTo(sha256);
        assertThat(manifest.at("/envelope/payload/size").asLong()).isEqualTo(20 * MB);
        assertThat(manifest.at("/envelope/legalBasis/provision").asText()).isEqualTo("10 kap. 28 §");
        assertThat(filesIn(inbox)).noneMatch(name -> name.endsWith(".part"));

        await().atMost(Duration.ofSeconds(10)).until(() -> archived(data.getFileName().toString()).size() == 2);
        assertThat(data).doesNotExist();
        String messageId = manifest.get("messageId").asText();
        var receipts = api.get(Api.FORSAKRINGSKASSAN, "/api/v1/messages/" + messageId + "/receipts").json();
        assertThat(receipts.findValuesAsText("type")).contains("ACCEPTED", "DELIVERED");
        assertThat(receipts.get("sha256").asText()).isEqualTo(sha256);
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + messageId).json().findValuesAsText("details"))
                .isNotEmpty().allMatch(details -> details.contains(sha256));
    }

    @Test
    void anXmlManifestWorksAsWell() throws Exception {
        Path data = write("manadsfil-" + UUID.randomUUID() + ".xml", 64 * 1024);
        String sha256 = sha256(data);
        Files.writeString(data.resolveSibling(data.getFileName() + ".manifest.xml"), """
                <envelope xmlns="urn:kurir:envelope:1">
                  <recipient>%s</recipient>
                  <product>manadsfil-utbetalningar</product>
                  <legalBasis>
                    <statute>SFS 2009:400</statute><provision>10 kap. 28 §</provision>
                    <disclosureMode>DUTY_TO_NOTIFY</disclosureMode><purpose>felaktiga-utbetalningar</purpose>
                    <classification>SUBSTANTIAL</classification><personalData>true</personalData>
                    <retention>P5Y</retention>
                  </legalBasis>
                  <payload><sha256>%s</sha256></payload>
                </envelope>
                """.formatted(INBOX_MAILBOX, sha256));
        assertThat(sha256(awaitDelivered(data.getFileName().toString()))).isEqualTo(sha256);
    }

    @Test
    void aFileWithAnInvalidManifestGoesToTheErrorFolderWithItsReasonAndIsAudited() throws Exception {
        Path data = write("ohne-rechtsgrund-" + UUID.randomUUID() + ".csv", MB);
        manifest(data, "{\"recipient\": \"" + INBOX_MAILBOX + "\", \"product\": \"manadsfil-utbetalningar\"}");

        Path reason = awaitRefused(data);
        assertThat(Files.readString(reason)).contains("code: ENVELOPE_FIELD_REQUIRED", "legalBasis");
        // The manifest is moved when its exchange completes; the data file follows at the data route's next poll,
        // into the same folder, untouched.
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(reason.getParent().resolve(data.getFileName()))
                && Files.exists(reason.getParent().resolve(data.getFileName() + ".manifest.json")));
        assertThat(reason.getParent().resolve(data.getFileName())).hasSize(MB);
        assertThat(data).doesNotExist();
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?participant=2021005521").json().findValues("details")
                .stream().filter(d -> d.asText().contains(data.getFileName().toString())).toList())
                .as("FILE_REFUSED names the file, never its content").hasSize(1);
    }

    @Test
    void aFileWhoseBytesAreNotTheDeclaredOnesIsRefusedAsAMessage() throws Exception {
        Path data = write("trunkerad-" + UUID.randomUUID() + ".csv", 2 * MB);
        String messageId = UUID.randomUUID().toString();
        manifest(data, withDigest(Envelopes.envelope(messageId, INBOX_MAILBOX, "manadsfil-utbetalningar",
                "SFS 2009:400", "10 kap. 28 §", "DUTY_TO_NOTIFY", "felaktiga-utbetalningar", "SUBSTANTIAL"),
                "0".repeat(64)));

        assertThat(Files.readString(awaitRefused(data))).contains("code: PAYLOAD_DIGEST_MISMATCH", messageId);
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/api/v1/messages/" + messageId + "/receipts").json()
                .findValuesAsText("reasonCode")).containsExactly("PAYLOAD_DIGEST_MISMATCH");
    }

    @Test
    void nextMonthsFileOfTheSameNameWaitsForItsOwnManifest() throws Exception {
        String name = "manadsfil-" + UUID.randomUUID() + ".csv";
        Path first = write(name, MB);
        manifest(first, manadsfil());
        awaitDelivered(name);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(first));

        Path second = write(name, 2 * MB);
        String sha256 = sha256(second);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> Files.exists(second));
        manifest(second, manadsfil());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Stream<Path> files = Files.list(inbox)) {
                return files.filter(f -> f.getFileName().toString().endsWith("-" + name))
                        .filter(f -> Files.exists(manifestOf(f))).anyMatch(f -> sha256(f).equals(sha256));
            }
        });
    }

    @Test
    void aFileOverItsProductsLimitIsRefusedBeforeItIsSent() throws Exception {
        Path data = write("for-stor-" + UUID.randomUUID() + ".json", 2 * MB);
        manifest(data, Envelopes.inkomstuppgift(null)); // inkomstuppgift: at most 1 MB
        assertThat(Files.readString(awaitRefused(data))).contains("code: PAYLOAD_TOO_LARGE");
    }

    @Test
    void aDataFileIsLeftAloneUntilItsManifestArrives() throws Exception {
        Path data = write("halvfardig-" + UUID.randomUUID() + ".csv", MB);
        Path temporary = write("annan-" + UUID.randomUUID() + ".csv.part", MB);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Files.exists(data) && Files.exists(temporary));

        String sha256 = sha256(data);
        manifest(data, manadsfil());
        assertThat(sha256(awaitDelivered(data.getFileName().toString()))).isEqualTo(sha256);
        assertThat(temporary).exists();
        Files.delete(temporary);
    }

    @Test
    void aConnectionCutMidDownloadLeavesTheFileAndTheNextPollTakesItWhole() throws Exception {
        Path data = write("avbruten-hamtning-" + UUID.randomUUID() + ".csv", 20 * MB);
        int cutsBefore = SFTP.cuts();
        SFTP.cutNextReadAt(5 * MB);
        manifest(data, manadsfil());

        Path delivered = awaitDelivered(data.getFileName().toString());
        assertThat(SFTP.cuts()).isEqualTo(cutsBefore + 1);
        assertThat(sha256(delivered)).isEqualTo(sha256(archived(data.getFileName().toString()).get(0)));
        assertThat(filesIn(inbox).filter(name -> name.endsWith(data.getFileName().toString())))
                .as("one message, not two").hasSize(1);
    }

    @Test
    void aConnectionCutMidDeliveryIsRetriedAndTheReceiverNeverSeesAPartialFile() throws Exception {
        Path data = write("avbruten-leverans-" + UUID.randomUUID() + ".csv", 20 * MB);
        String name = data.getFileName().toString();
        int cutsBefore = SFTP.cuts();
        SFTP.cutNextWriteAt(5 * MB);
        manifest(data, manadsfil());

        AtomicBoolean partialSeen = new AtomicBoolean();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Stream<Path> files = Files.list(inbox)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(name)).toList()) {
                    if (Files.size(file) != 20 * MB) {
                        partialSeen.set(true);
                    }
                    return Files.exists(manifestOf(file));
                }
            }
            return false;
        });
        assertThat(partialSeen).as("the final name only ever holds the whole file").isFalse();
        assertThat(SFTP.cuts()).isEqualTo(cutsBefore + 1);
    }

    private String manadsfil() {
        return Envelopes.envelope(null, INBOX_MAILBOX, "manadsfil-utbetalningar", "SFS 2009:400", "10 kap. 28 §",
                "DUTY_TO_NOTIFY", "felaktiga-utbetalningar", "SUBSTANTIAL");
    }

    private static String withDigest(String envelope, String sha256) {
        return envelope.trim().replaceFirst("}$", ", \"payload\": {\"sha256\": \"" + sha256 + "\"}}");
    }

    private Path write(String name, int size) throws IOException {
        byte[] chunk = new byte[MB];
        new Random(name.hashCode()).nextBytes(chunk);
        Path file = outbox.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            for (int left = size; left > 0; left -= chunk.length) {
                out.write(chunk, 0, Math.min(left, chunk.length));
            }
        }
        return file;
    }

    /** Written last: the manifest is the done file. */
    private static void manifest(Path data, String envelope) throws IOException {
        Path temp = data.resolveSibling(data.getFileName() + ".manifest.tmp");
        Files.writeString(temp, envelope);
        Files.move(temp, data.resolveSibling(data.getFileName() + ".manifest.json"));
    }

    private Path awaitDelivered(String name) {
        return BulkClient.awaitDelivered(inbox, name, Duration.ofSeconds(60));
    }

    private Path awaitRefused(Path data) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(outbox.resolve("error"),
                data.getFileName() + ".reason.txt").stream().findFirst().orElse(null), f -> f != null);
    }

    private List<Path> archived(String name) throws IOException {
        List<Path> found = find(outbox.resolve("archive"), name);
        found.addAll(find(outbox.resolve("archive"), name + ".manifest.json"));
        return found;
    }

    private static List<Path> find(Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().equals(name)).toList());
        }
    }

    private static Stream<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }

}
