package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.FeedEvents;
import se.kurir.support.FeedReceiver;
import se.kurir.support.KurirNode;
import se.kurir.support.PostgresServer;
import se.kurir.support.SftpTestServer;

/**
 * Two gateway nodes on one PostgreSQL, each with its own broker and payload store, both delivering subscriptions.
 * Taking messages at the same time, they keep one valid audit chain with every record in it, and no request is
 * refused because the other node appended first (each node used to continue from the head it loaded at start, so the
 * second writer's batches all failed). A push subscription fed through both is delivered by one node at a time, each
 * event once and in order; a lease left by a node that died is taken over when it runs out. Both declare the same
 * SFTP file outbox, which one node at a time polls, and another takes over when that one's lease runs out.
 */
class SharedDatabaseIT {

    private static final int SENDERS_PER_NODE = 2;
    private static final int MESSAGES_PER_SENDER = 40;
    private static final Duration LEASE = Duration.ofSeconds(2);

    static PostgresServer postgres;
    static FeedReceiver receiver;
    static SftpTestServer sftp;
    static KurirNode first;
    static KurirNode second;

    @BeforeAll
    static void start() throws Exception {
        var binaries = PostgresServer.binaries();
        Assumptions.assumeTrue(binaries.isPresent(), "PostgreSQL server binaries are not installed");
        postgres = PostgresServer.start(binaries.get());
        receiver = new FeedReceiver();
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "shared-database-it-");
        sftp = new SftpTestServer(dir);
        first = node(dir.resolve("a"));
        second = node(dir.resolve("b"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable each : new AutoCloseable[] {second, first, receiver, sftp, postgres}) {
            if (each != null) {
                each.close();
            }
        }
    }

    @Test
    void twoNodesOnOneDatabaseKeepOneAuditChain() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(2 * SENDERS_PER_NODE);
        List<Future<List<Integer>>> sent = new ArrayList<>();
        for (KurirNode node : List.of(first, second)) {
            for (int i = 0; i < SENDERS_PER_NODE; i++) {
                sent.add(senders.submit(() -> send(node.api())));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> each : sent) {
            statuses.addAll(each.get());
        }
        senders.shutdown();
        assertThat(statuses).hasSize(2 * SENDERS_PER_NODE * MESSAGES_PER_SENDER).containsOnly(202);

        JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
        int messages = statuses.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM messages WHERE state = 'DELIVERED' AND product = 'inkomstuppgift'",
                Integer.class) >= messages);
        long records = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
        assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM audit_log", Long.class)).isEqualTo(records);
        for (KurirNode node : List.of(first, second)) {
            var verified = node.api().get(Api.AUDITOR, "/api/v1/audit/verify").json();
            assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("recordsChecked").asLong()).isGreaterThanOrEqualTo(records);
        }
        assertThat(records).as("accepted and delivered, for each message, by whichever node")
                .isGreaterThanOrEqualTo(2L * messages);
    }

    @Test
    void aSubscriptionIsDeliveredByOneNodeAtATimeAndTakenOverFromADeadOne() {
        var created = first.api().post(Api.PENSIONSMYNDIGHETEN, "/api/v1/subscriptions", FeedEvents.subscription(
                FeedEvents.SAMORDNINGSNUMMER, "PUSH", "\"pushMailbox\": \"2021006297.notiser\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String subscription = created.json().get("id").asText();

        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            published.add(publish(i % 2 == 0 ? first : second));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.sequences(subscription).size() >= 30);
        assertThat(receiver.sequences(subscription)).as("each event once, in order, whichever node delivered")
                .containsExactlyElementsOf(published);

        // What a node that died mid-lease leaves behind: its lease, running out a while from now.
        JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
        jdbc.update("UPDATE subscriptions SET lease_node = 'a-node-that-died', lease_until = ? WHERE id = ?",
                Timestamp.from(Instant.now().plus(LEASE)), subscription);
        List<Long> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            later.add(publish(i % 2 == 0 ? first : second));
        }
        published.addAll(later);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.sequences(subscription).size() >= 40);
        assertThat(receiver.sequences(subscription)).containsExactlyElementsOf(published);
        assertThat(jdbc.queryForObject("SELECT lease_node FROM subscriptions WHERE id = ?", String.class,
                subscription)).as("taken over by a live node").isNotEqualTo("a-node-that-died");
    }

    @Test
    void aReaderLongPollingOneNodeHearsOfAnEventPublishedOnTheOther() {
        var created = second.api().post(Api.PENSIONSMYNDIGHETEN, "/api/v1/subscriptions",
                FeedEvents.pull(FeedEvents.SAMORDNINGSNUMMER));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String subscription = created.json().get("id").asText();
        CompletableFuture<Api.Response> waiting = second.api().getAsync(Api.PENSIONSMYNDIGHETEN,
                "/api/v1/subscriptions/" + subscription + "/feed?wait=25");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

        long sequence = publish(first);

        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(waiting.join().json().get("events").findValuesAsText("sequence"))
                .contains(Long.toString(sequence));
    }

    @Test
    void aFileOutboxBothNodesDeclareIsPolledByOneAtATimeAndTakenOverFromADeadOne() throws Exception {
        Path outbox = sftp.dir("outbox");
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(drop(outbox));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> files.stream().allMatch(f -> archived(outbox, f)));
        assertThat(sftp.sessionsThatRead()).as("one node reads the outbox's files, the other none").isEqualTo(1);

        // What a node that died mid-lease leaves behind: its lease on the outbox, running out a while from now.
        JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
        jdbc.update("UPDATE file_outbox_leases SET lease_node = 'a-node-that-died', lease_until = ? "
                + "WHERE outbox = 'fk-batch'", Timestamp.from(Instant.now().plus(LEASE)));
        String later = drop(outbox);
        await().during(LEASE.dividedBy(2)).atMost(LEASE).until(() -> !archived(outbox, later));
        await().atMost(Duration.ofSeconds(30)).until(() -> archived(outbox, later));
        assertThat(jdbc.queryForObject("SELECT lease_node FROM file_outbox_leases WHERE outbox = 'fk-batch'",
                String.class)).as("taken over by a live node").isNotEqualTo("a-node-that-died");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM messages WHERE sender = '2021005521' "
                + "AND product = 'manadsfil-utbetalningar'", Integer.class)).isEqualTo(files.size() + 1);
    }

    /** A small monthly file and then its manifest, the done file, as Försäkringskassan's batch system writes them. */
    private static String drop(Path outbox) throws Exception {
        String name = "manadsfil-" + UUID.randomUUID() + ".csv";
        Files.writeString(outbox.resolve(name), "personnummer;belopp\n" + Envelopes.SYNTHETIC_PERSONNUMMER + ";1200\n");
        Path manifest = outbox.resolve(name + ".manifest.tmp");
        Files.writeString(manifest, Envelopes.envelope(null, "2021005448.kontroll", "manadsfil-utbetalningar",
                "SFS 2009:400", "10 kap. 28 §", "DUTY_TO_NOTIFY", "felaktiga-utbetalningar", "SUBSTANTIAL"));
        Files.move(manifest, outbox.resolve(name + ".manifest.json"));
        return name;
    }

    private static boolean archived(Path outbox, String name) {
        Path archive = outbox.resolve("archive");
        if (!Files.isDirectory(archive)) {
            return false;
        }
        try (Stream<Path> found = Files.walk(archive)) {
            return found.anyMatch(f -> f.getFileName().toString().equals(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KurirNode node(Path dir) {
        Map<String, Object> properties = new HashMap<>(Map.of("spring.profiles.active", "demo,postgres",
                "KURIR_DB_URL", postgres.jdbcUrl("kurir"), "KURIR_DB_USER", "kurir", "KURIR_DB_PASSWORD", "",
                "kurir.demo.push-url", receiver.url(),
                // Another node's events are not in this node's memory: both read feeds from the database.
                "kurir.subscriptions.window-events", "0",
                "kurir.subscriptions.delivery.lease", LEASE.toMillis() + "ms",
                "kurir.subscriptions.delivery.initial-delay", "200ms",
                "kurir.subscriptions.delivery.max-delay", "1s",
                "kurir.files.outbox-lease", LEASE.toMillis() + "ms"));
        properties.putAll(sftp.gatewayProperties());
        return KurirNode.start(dir, properties);
    }

    private static long publish(KurirNode node) {
        var published = node.api().post(Api.SKATTEVERKET, "/api/v1/products/" + FeedEvents.SAMORDNINGSNUMMER
                + "/events", FeedEvents.samordningsnummer(null, "ANDRAT"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().get("sequence").asLong();
    }

    private static List<Integer> send(Api api) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
            statuses.add(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload())
                    .status());
        }
        return statuses;
    }
}
