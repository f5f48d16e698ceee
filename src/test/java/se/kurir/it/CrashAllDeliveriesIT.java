package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.NodeProcess;
import se.kurir.support.PushReceiver;
import se.kurir.support.SftpTestServer;

/**
 * SIGKILL under load with every way out at once (a pull mailbox, a push endpoint, a broker outbox and an SFTP inbox),
 * while requests are still arriving, so the kill lands at every step of admission too: after the audit record and
 * before the state, after the state and before the hand-over to the broker, in the middle of a delivery. The node is
 * started again on the same data directory and every client sends again what it did not see accepted (same message
 * id, same bytes, as the API asks). Then every message is delivered, once: one DELIVERED receipt, one copy in the
 * broker outbox, one file in the inbox, and the push endpoint got it (at least once: a push cannot be taken back, and
 * the receiver drops repeats by Kurir-Message-Id, which this test counts).
 */
class CrashAllDeliveriesIT {

    private static final int MESSAGES = 400;
    private static final String OUTBOX = "kurir.out.2021005521.integration";

    enum Kind {
        PULL(Api.SKATTEVERKET), PUSH("kurir-demo-key-kriminalvarden"), OUTBOX(Api.SKATTEVERKET),
        FILE(Api.FORSAKRINGSKASSAN);

        final String sender;

        Kind(String sender) {
            this.sender = sender;
        }

        String envelope(String id) {
            return switch (this) {
                case PULL -> Envelopes.inkomstuppgift(id);
                case PUSH -> PushDeliveryIT.notice(id);
                case OUTBOX -> Envelopes.envelope(id, "2021005521.integration", "inkomstuppgift", "SFS 2009:400",
                        "10 kap. 15 a §", "OWN_INITIATIVE", "felaktiga-utbetalningar", "SUBSTANTIAL");
                case FILE -> Envelopes.envelope(id, "2021005448.filmottagning", "manadsfil-utbetalningar",
                        "SFS 2009:400", "10 kap. 28 §", "DUTY_TO_NOTIFY", "felaktiga-utbetalningar", "SUBSTANTIAL");
            };
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyMessageOfEveryDeliveryKindIsDeliveredOnceWhereverTheKillLands() throws Exception {
        Path log = Path.of("target", "crash-all-deliveries-it-node.log").toAbsolutePath();
        int brokerPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            brokerPort = socket.getLocalPort();
        }
        Map<String, Kind> sent = new ConcurrentHashMap<>();
        Map<String, byte[]> payloads = new ConcurrentHashMap<>();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try (PushReceiver receiver = new PushReceiver(); SftpTestServer sftp = new SftpTestServer(dir)) {
            List<String> args = new ArrayList<>(List.of("--kurir.demo.push-url=" + receiver.url(),
                    "--kurir.broker.acceptor=tcp://127.0.0.1:" + brokerPort + "?protocols=AMQP,CORE",
                    // A hand-over lost in the kill is repaired after 3 s here (5 min in production).
                    "--kurir.pipeline.requeue-after=3s", "--kurir.pipeline.requeue-interval=1000"));
            args.addAll(List.of(sftp.gatewayArguments()));

            // One consumer per mailbox on the first run, so deliveries fall behind and the kill hits many.
            List<String> first = new ArrayList<>(args);
            first.add("--kurir.pipeline.mailbox-consumers=1");
            try (NodeProcess node = NodeProcess.start(dir.resolve("node"), log, first.toArray(String[]::new))) {
                Api api = node.api();
                ExecutorService senders = Executors.newFixedThreadPool(8);
                for (int i = 0; i < MESSAGES; i++) {
                    Kind kind = Kind.values()[i % Kind.values().length];
                    senders.submit(() -> {
                        String id = UUID.randomUUID().toString();
                        byte[] payload = Envelopes.payload();
                        sent.put(id, kind);
                        payloads.put(id, payload);
                        if (send(api, kind, id, payload)) {
                            accepted.add(id);
                        }
                    });
                }
                senders.shutdown();
                // Killed while senders are still sending: some requests are cut off at every step of admission.
                await().atMost(Duration.ofMinutes(3)).until(() -> accepted.size() >= MESSAGES / 2);
                node.kill();
                assertThat(senders.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
            }
            int unanswered = sent.size() - accepted.size();
            System.err.printf("CrashAllDeliveriesIT: SIGKILL with %d of %d requests accepted, %d cut off or refused%n",
                    accepted.size(), sent.size(), unanswered);
            assertThat(unanswered).as("the kill must hit requests in flight").isPositive();

            try (NodeProcess node = NodeProcess.start(dir.resolve("node"), log, args.toArray(String[]::new))) {
                Api api = node.api();
                for (String id : sent.keySet()) {
                    if (!accepted.contains(id)) {
                        assertThat(send(api, sent.get(id), id, payloads.get(id))).as("sent again: " + id).isTrue();
                    }
                }
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> assertThat(notYetDelivered(api, sent)).isEmpty());
                for (var message : sent.entrySet()) {
                    assertThat(receipts(api, message.getValue(), message.getKey()))
                            .as(() -> message + ", audited as " + api.get(Api.AUDITOR, "/api/v1/audit?messageId="
                                    + message.getKey()).body())
                            .containsExactly("ACCEPTED", "DELIVERED");
                }
                assertOutboxHoldsEachOnce(api, brokerPort, idsOf(sent, Kind.OUTBOX));
                assertInboxHoldsEachOnce(sftp.dir("inbox"), idsOf(sent, Kind.FILE));
                int repeats = 0;
                for (String id : idsOf(sent, Kind.PUSH)) {
                    assertThat(receiver.receivedFor(id)).as("pushed: " + id).isNotEmpty();
                    repeats += receiver.receivedFor(id).size() - 1;
                }
                System.err.printf("CrashAllDeliveriesIT: %d pushes repeated after the kill (dropped by the receiver "
                        + "by Kurir-Message-Id)%n", repeats);
                var verification = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
                assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
            }
        }
    }

    private static boolean send(Api api, Kind kind, String id, byte[] payload) {
        try {
            return api.sendMessage(kind.sender, kind.envelope(id), payload).status() == 202;
        } catch (RuntimeException connectionLost) {
            return false; // only a 202 counts as accepted
        }
    }

    private static List<String> notYetDelivered(Api api, Map<String, Kind> sent) {
        return sent.entrySet().stream().filter(m -> !receipts(api, m.getValue(), m.getKey()).contains("DELIVERED"))
                .map(Map.Entry::getKey).toList();
    }

    private static List<String> receipts(Api api, Kind kind, String id) {
        var answer = api.get(kind.sender, "/api/v1/messages/" + id + "/receipts");
        return answer.status() == 200 ? answer.json().get("receipts").findValuesAsText("type") : List.of();
    }

    private static List<String> idsOf(Map<String, Kind> sent, Kind kind) {
        return sent.entrySet().stream().filter(m -> m.getValue() == kind).map(Map.Entry::getKey).toList();
    }

    private static void assertOutboxHoldsEachOnce(Api api, int port, List<String> ids) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        try (Connection connection = new JmsConnectionFactory("amqp://127.0.0.1:" + port)
                .createConnection("2021005521", Api.FORSAKRINGSKASSAN)) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(OUTBOX));
            // DELIVERED is recorded when a hand-over claims the message, just before its copy commits with the
            // hand-over (or, if that transaction fails, with the broker's redelivery of it): read until every copy has
            // come, then a while longer for any second copy.
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!copies.keySet().containsAll(ids) && System.nanoTime() < deadline) {
                Message m = consumer.receive(1_000);
                if (m != null) {
                    copies.merge(m.getStringProperty("kurirMessageId"), 1, Integer::sum);
                }
            }
            for (Message m = consumer.receive(3_000); m != null; m = consumer.receive(3_000)) {
                copies.merge(m.getStringProperty("kurirMessageId"), 1, Integer::sum);
            }
        }
        for (String id : ids) {
            assertThat(copies.get(id)).as("outbox copies of %s (%d copies of %d messages read; its audit trail: %s)",
                    id, copies.values().stream().mapToInt(Integer::intValue).sum(), copies.size(),
                    api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json().findValuesAsText("type"))
                    .isEqualTo(1);
        }
    }

    private static void assertInboxHoldsEachOnce(Path inbox, List<String> ids) throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(inbox)) {
            files = listing.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(files).noneMatch(name -> name.endsWith(".part"));
        for (String id : ids) {
            assertThat(files).as("inbox files of " + id).containsOnlyOnce(id, id + ".manifest.json");
        }
    }
}
