package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.kurir.support.FeedEvents.SAMORDNINGSNUMMER;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.BulkClient;
import se.kurir.support.FeedEvents;
import se.kurir.support.KurirNode;
import se.kurir.support.Seeds;
import se.kurir.support.SftpTestServer;

/**
 * The SFTP batch delivery mode: Försäkringskassan's case-handling mailbox has a file inbox (a real SFTP server), and a
 * subscription to Skatteverket's coordination-number feed is delivered there as batch files, one per window, each
 * complete before it appears under its own name, with a manifest whose digest and sequences the receiver can check.
 */
class SftpBatchSubscriptionIT {

    static final String FK_MAILBOX = "2021005521.handlaggning";
    static final Duration WINDOW = Duration.ofSeconds(3);
    static SftpTestServer sftp;
    static KurirNode node;
    static Path inbox;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "sftp-batch-it-");
        sftp = new SftpTestServer(dir);
        inbox = sftp.dir("fk-inbox");
        Map<String, Object> properties = new HashMap<>();
        sftp.gatewayProperties().forEach((name, value) -> properties.put(name.replace(
                "kurir.files.servers.skv-inbox.", "kurir.files.servers.fk-inbox."), value));
        // Skatteverket's demo file inbox is not part of this test; only Försäkringskassan's mailbox has one.
        properties.remove("kurir.demo.file-inbox-server");
        properties.put("kurir.files.servers.fk-inbox.directory", "fk-inbox");
        properties.put("kurir.files.subscription-window", WINDOW.toMillis() + "ms");
        properties.put("kurir.registry.seed", Seeds.demoWithDelivery(dir, FK_MAILBOX,
                Map.of("kind", "file-inbox", "server", "fk-inbox")));
        node = KurirNode.start(dir.resolve("data"), properties);
    }

    @AfterAll
    static void stop() throws IOException {
        node.close();
        sftp.close();
    }

    @Test
    void eventsArriveAsOneCompleteBatchFilePerWindowWithItsManifest() throws Exception {
        Api api = node.api();
        var created = api.post(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions", FeedEvents.subscription(
                SAMORDNINGSNUMMER, "SFTP_BATCH", "\"pushMailbox\": \"" + FK_MAILBOX + "\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        List<Long> first = publish(api, "TILLDELAT", "AKTIVERAT", "ANDRAT");
        await().atMost(Duration.ofSeconds(15)).until(() -> batches(id).size() == 1);
        // The next events open the next window: they arrive together when it closes, not one file each.
        List<Long> second = publish(api, "ANDRAT", "AVREGISTRERAT");
        await().during(Duration.ofMillis(WINDOW.toMillis() / 2)).atMost(WINDOW.multipliedBy(2))
                .until(() -> batches(id).size() == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> batches(id).size() == 2);

        List<Path> files = batches(id);
        List<Long> delivered = new ArrayList<>();
        for (Path file : files) {
            JsonNode manifest = Api.parse(Files.readString(Path.of(file + ".manifest.json")));
            byte[] bytes = Files.readAllBytes(file);
            assertThat(manifest.get("sha256").asText()).as("the manifest's digest is the file's")
                    .isEqualTo(BulkClient.sha256(file));
            assertThat(manifest.get("size").asLong()).isEqualTo(bytes.length);
            assertThat(manifest.get("subscription").asText()).isEqualTo(id);
            List<String> lines = Files.readAllLines(file);
            assertThat(manifest.get("count").asInt()).isEqualTo(lines.size());
            for (String line : lines) {
                JsonNode event = Api.parse(line);
                assertThat(event.get("idempotencyKey").asText()).isEqualTo(id + ":" + event.get("sequence").asLong());
                assertThat(event.at("/payload/adress/kommun").asText()).as("a field Försäkringskassan may see")
                        .isEqualTo("0180");
                assertThat(event.at("/payload/adress/utdelningsadress").isMissingNode()).as("one it may not").isTrue();
                assertThat(event.at("/payload/namn").isMissingNode()).isTrue();
                delivered.add(event.get("sequence").asLong());
            }
            assertThat(manifest.get("firstSequence").asLong()).isEqualTo(Api.parse(lines.get(0)).get("sequence")
                    .asLong());
        }
        List<Long> published = new ArrayList<>(first);
        published.addAll(second);
        assertThat(delivered).as("every event once, in feed order, in the window it was published in")
                .containsExactlyElementsOf(published);
        assertThat(Api.parse(Files.readString(Path.of(files.get(0) + ".manifest.json"))).get("count").asInt())
                .isEqualTo(3);
        try (Stream<Path> all = Files.list(inbox)) {
            assertThat(all.map(Path::toString)).as("no temporary file left").noneMatch(n -> n.endsWith(".part"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get(Api.FORSAKRINGSKASSAN,
                "/api/v1/subscriptions/" + id).json().get("after").asLong() == published.get(published.size() - 1));
    }

    @Test
    void aMailboxWithoutAFileInboxCannotTakeABatchSubscription() {
        var refused = node.api().post(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions", FeedEvents.subscription(
                SAMORDNINGSNUMMER, "SFTP_BATCH", "\"pushMailbox\": \"2021005521.integration\""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("NO_FILE_INBOX");
        assertThat(refused.json().get("detail").asText()).startsWith("pushMailbox: ");
    }

    private static List<Long> publish(Api api, String... handelser) {
        List<Long> sequences = new ArrayList<>();
        for (String handelse : handelser) {
            var published = api.post(Api.SKATTEVERKET, "/api/v1/products/" + SAMORDNINGSNUMMER + "/events",
                    FeedEvents.samordningsnummer(null, handelse));
            assertThat(published.status()).as(published.body()).isEqualTo(201);
            sequences.add(published.json().get("sequence").asLong());
        }
        return sequences;
    }

    private static long firstSequence(Path batch) {
        try {
            return Api.parse(Files.readString(Path.of(batch + ".manifest.json"))).get("firstSequence").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The batch files of a subscription that are complete: renamed and with their manifest. */
    private static List<Path> batches(String subscription) {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith(subscription)
                    && f.toString().endsWith(".jsonl") && Files.exists(Path.of(f + ".manifest.json")))
                    .sorted(Comparator.comparingLong(SftpBatchSubscriptionIT::firstSequence)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
