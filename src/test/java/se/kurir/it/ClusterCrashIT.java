package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.ConsoleSession;
import se.kurir.support.Envelopes;
import se.kurir.support.ExternalBroker;
import se.kurir.support.FeedEvents;
import se.kurir.support.FeedReceiver;
import se.kurir.support.NodeProcess;
import se.kurir.support.PostgresServer;

/**
 * A cluster as docker/compose.yaml shapes it, without containers: two gateway nodes of the cluster profile, each the
 * application jar in a JVM of its own (one Hazelcast cluster), on one throwaway PostgreSQL and one standalone Artemis broker process
 * ({@code docker/artemis/broker.xml}). 5,000 messages are sent through both; one node is killed with SIGKILL in the
 * middle of delivering the backlog, and its senders go on against the other with the same message ids, as a load
 * balancer would send them. Every message is then delivered exactly once, none is lost, and the audit chain both
 * nodes wrote is one valid chain. Meanwhile Skatteverket publishes change events through both nodes to a feed that
 * Försäkringskassan has a push subscription to: every event reaches it, first arrivals in sequence order, whichever
 * node held the subscription's lease (the survivor takes it over when the dead node's runs out). A push is at least
 * once: the run in flight at the kill may arrive again, and a subscriber drops what it has by sequence.
 */
class ClusterCrashIT {

    private static final int MESSAGES = 5000;
    private static final int KILL_AFTER = 1500;
    private static final String DELIVERY_ROUTE = "delivery-mailbox-2021005521.kontroll";
    private static final String GATEWAY_PASSWORD = "cluster-it-" + UUID.randomUUID();
    private static final int EVENTS = 300;
    private static final int RUN = 100; // kurir.subscriptions.delivery.batch

    @TempDir
    Path dir;

    @Test
    void aNodeKilledUnderLoadLosesAndDuplicatesNothing() throws Exception {
        var binaries = PostgresServer.binaries();
        Assumptions.assumeTrue(binaries.isPresent(), "PostgreSQL server binaries are not installed");
        Path logs = Files.createDirectories(Path.of("target", "cluster-crash-it").toAbsolutePath());
        int brokerPort = ExternalBroker.freePort();
        Process broker = ExternalBroker.startProcess(dir.resolve("broker"), brokerPort, GATEWAY_PASSWORD,
                logs.resolve("broker.log"));
        int[] hazelcast = {ExternalBroker.freePort(), ExternalBroker.freePort()};
        String members = "127.0.0.1:" + hazelcast[0] + ",127.0.0.1:" + hazelcast[1];
        try (PostgresServer postgres = PostgresServer.start(binaries.get());
                FeedReceiver receiver = new FeedReceiver();
                NodeProcess survivor = node(postgres, brokerPort, hazelcast[0], members, "a", logs, receiver);
                NodeProcess victim = node(postgres, brokerPort, hazelcast[1], members, "b", logs, receiver)) {
            var subscribed = survivor.api().post(Api.FORSAKRINGSKASSAN, "/api/v1/subscriptions",
                    FeedEvents.subscription(FeedEvents.SAMORDNINGSNUMMER, "PUSH",
                            "\"pushMailbox\": \"2021005521.notiser\""));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            String subscription = subscribed.json().get("id").asText();
            // The mailbox's delivery waits on both nodes, as an operator can make it, so that a backlog builds; then
            // the victim alone works through it and is killed in the middle.
            ConsoleSession onSurvivor = ConsoleSession.signIn(survivor.port(), "demo-operator",
                    "demo-operator-password");
            ConsoleSession onVictim = ConsoleSession.signIn(victim.port(), "demo-operator", "demo-operator-password");
            route(onSurvivor, "stop()");
            route(onVictim, "stop()");
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger retried = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            for (int i = 0; i < MESSAGES; i++) {
                NodeProcess first = i % 2 == 0 ? survivor : victim;
                senders.submit(() -> send(first.api(), survivor.api(), accepted, retried));
            }
            senders.submit(() -> publish(survivor.api(), victim.api()));
            senders.shutdown();
            await().atMost(Duration.ofMinutes(3)).until(() -> accepted.size() >= KILL_AFTER);
            long backlogAtKill;
            int acceptedAtKill;
            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("kurir"), "kurir", "")) {
                route(onVictim, "start()");
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> count(db,
                        "SELECT COUNT(*) FROM messages WHERE state = 'DELIVERED'") > 0);
                acceptedAtKill = accepted.size();
                victim.kill();
                backlogAtKill = count(db, "SELECT COUNT(*) FROM messages WHERE state = 'ACCEPTED'");
            }
            assertThat(backlogAtKill).as("the victim was killed in the middle of the backlog").isPositive();
            route(onSurvivor, "start()");
            assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            assertThat(accepted).hasSize(MESSAGES);

            try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("kurir"), "kurir", "")) {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> count(db,
                        "SELECT COUNT(*) FROM messages WHERE state = 'DELIVERED'") == MESSAGES);
                assertThat(count(db, "SELECT COUNT(*) FROM messages")).as("one message per id").isEqualTo(MESSAGES);
                assertThat(count(db, "SELECT COUNT(*) FROM receipts WHERE receipt_type = 'DELIVERED'"))
                        .as("each delivered once").isEqualTo(MESSAGES);
                assertThat(count(db, "SELECT COUNT(*) FROM (SELECT message_id FROM audit_log WHERE event_type = "
                        + "'MESSAGE_DELIVERED' GROUP BY message_id HAVING COUNT(*) > 1) twice")).isZero();

                List<Long> published = sequences(db);
                assertThat(published).as("each event published once, whichever node took it").hasSize(EVENTS);
                await().atMost(Duration.ofMinutes(2)).until(() -> new LinkedHashSet<>(receiver.sequences(subscription))
                        .size() >= EVENTS);
                List<Long> arrivals = receiver.sequences(subscription);
                assertThat(new ArrayList<>(new LinkedHashSet<>(arrivals))).as("every event, first arrivals in order")
                        .containsExactlyElementsOf(published);
                assertThat(arrivals.size() - EVENTS).as("only the run in flight at the kill arrives again")
                        .isLessThanOrEqualTo(RUN);
                System.out.println("ClusterCrashIT: " + EVENTS + " feed events pushed, " + (arrivals.size() - EVENTS)
                        + " of them a second time (the run in flight at the kill)");
            }
            var verified = survivor.api().get(Api.AUDITOR, "/api/v1/audit/verify").json();
            assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
            System.out.println("ClusterCrashIT: " + MESSAGES + " messages, node b killed with " + acceptedAtKill
                    + " accepted and " + backlogAtKill + " of them not yet delivered; " + retried.get()
                    + " sends retried on node a; all delivered once");
        } finally {
            broker.destroyForcibly();
            broker.waitFor();
        }
    }

    /**
     * A node of the cluster profile, as compose runs it: the application jar the image holds, its configuration and
     * broker.xml (the demo profile only for its API keys and people).
     */
    private NodeProcess node(PostgresServer postgres, int brokerPort, int hazelcastPort, String members, String name,
            Path logs, FeedReceiver receiver) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name));
        return NodeProcess.startJar(data, logs.resolve("node-" + name + ".log"),
                List.of("-Xmx512m", "-Dkurir.cluster.members=" + members, "-Dkurir.cluster.port=" + hazelcastPort),
                "--spring.profiles.active=cluster,postgres",
                "--KURIR_DB_URL=" + postgres.jdbcUrl("kurir"), "--KURIR_DB_USER=kurir", "--KURIR_DB_PASSWORD=",
                "--KURIR_BROKER_URL=tcp://127.0.0.1:" + brokerPort,
                "--KURIR_BROKER_USER=" + ExternalBroker.GATEWAY_USER, "--KURIR_BROKER_PASSWORD=" + GATEWAY_PASSWORD,
                "--KURIR_REGISTRY_SEED=file:docker/federation.yml",
                "--kurir.crypto.certificates=" + Files.createDirectories(data.resolve("certificates")),
                // What the killed node admitted but had not handed to the broker is queued again by the survivor.
                "--kurir.pipeline.requeue-after=5s", "--kurir.pipeline.requeue-interval=2000",
                // Försäkringskassan's case system; a dead node's subscription lease runs out within seconds.
                "--KURIR_EXAMPLE_PUSH_URL=" + receiver.url(), "--kurir.subscriptions.delivery.lease=5s",
                "--kurir.subscriptions.delivery.initial-delay=200ms", "--kurir.subscriptions.delivery.max-delay=1s");
    }

    private static void route(ConsoleSession console, String operation) {
        assertThat(console.routeOperation(DELIVERY_ROUTE, operation).body().get("status").asInt()).isEqualTo(200);
    }

    /** Posts to the first node; when that fails (it was killed), posts the same message to the survivor. */
    private static void send(Api first, Api survivor, Set<String> accepted, AtomicInteger retried) {
        String id = UUID.randomUUID().toString();
        String envelope = Envelopes.inkomstuppgift(id);
        byte[] payload = Envelopes.payload();
        Api target = first;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                int status = target.sendMessage(Api.SKATTEVERKET, envelope, payload).status();
                if (status == 202) {
                    accepted.add(id);
                    return;
                }
            } catch (RuntimeException connectionLost) {
                // the node died under the request; what it had admitted is found by the id
            }
            if (target != survivor) {
                target = survivor;
                retried.incrementAndGet();
            }
        }
    }

    /** Publishes the events in turn through both nodes; one the victim cannot take goes, same id, to the survivor. */
    private static void publish(Api survivor, Api victim) {
        for (int i = 0; i < EVENTS; i++) {
            String event = FeedEvents.samordningsnummer(UUID.randomUUID().toString(), "ANDRAT");
            Api target = i % 2 == 0 ? survivor : victim;
            for (int attempt = 0; attempt < 20; attempt++) {
                try {
                    if (target.post(Api.SKATTEVERKET, "/api/v1/products/" + FeedEvents.SAMORDNINGSNUMMER + "/events",
                            event).status() / 100 == 2) {
                        break;
                    }
                } catch (RuntimeException connectionLost) {
                    // the node died under the request; the event id makes a second publication the same event
                }
                target = survivor;
            }
        }
    }

    private static List<Long> sequences(Connection db) throws Exception {
        List<Long> sequences = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery("SELECT sequence FROM feed_events WHERE product = '"
                + FeedEvents.SAMORDNINGSNUMMER + "' ORDER BY sequence")) {
            while (rows.next()) {
                sequences.add(rows.getLong(1));
            }
        }
        return sequences;
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
