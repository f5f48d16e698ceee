package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.ConsoleSession;
import se.kurir.support.Envelopes;
import se.kurir.support.NodeProcess;

/**
 * Crash safety: a node in its own JVM accepts 1,000 messages and is killed with SIGKILL while it is delivering
 * them; started again on the same data directory, it delivers every accepted message exactly once and its audit
 * chain still verifies.
 */
class CrashIT {

    private static final int MESSAGES = 1000;
    private static final String MAILBOX = "/api/v1/mailboxes/2021005521.kontroll/messages";
    private static final String DELIVERY_ROUTE = "delivery-mailbox-2021005521.kontroll";

    @TempDir
    Path dataDir;

    @Test
    void everyAcceptedMessageIsDeliveredExactlyOnceAfterSigkill() throws Exception {
        Path log = Path.of("target", "crash-it-node.log").toAbsolutePath();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        int backlogAtKill;
        // Deliveries in runs keep up with the senders, so the mailbox's delivery waits, as an operator can make it,
        // until all are accepted; the kill then hits while its consumer works through the backlog.
        try (NodeProcess node = NodeProcess.start(dataDir, log)) {
            Api api = node.api();
            ConsoleSession console = ConsoleSession.signIn(node.port(), "demo-operator", "demo-operator-password");
            assertThat(console.routeOperation(DELIVERY_ROUTE, "stop()").body().get("status").asInt()).isEqualTo(200);
            ExecutorService senders = Executors.newFixedThreadPool(8);
            for (int i = 0; i < MESSAGES; i++) {
                senders.submit(() -> send(api, accepted));
            }
            senders.shutdown();
            assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            assertThat(accepted).hasSize(MESSAGES);

            assertThat(console.routeOperation(DELIVERY_ROUTE, "start()").body().get("status").asInt()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> !delivered(api).isEmpty());
            backlogAtKill = MESSAGES - delivered(api).size();
            node.kill();
        }
        assertThat(backlogAtKill).as("the kill must hit while deliveries are pending").isPositive();
        System.err.printf("CrashIT: SIGKILL with %d of %d accepted messages not yet delivered%n", backlogAtKill,
                MESSAGES);

        try (NodeProcess node = NodeProcess.start(dataDir, log)) {
            Api api = node.api();
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(delivered(api)).containsAll(accepted));
            for (String id : accepted) {
                var receipts = api.get(Api.SKATTEVERKET, "/api/v1/messages/" + id + "/receipts").json()
                        .get("receipts").findValuesAsText("type");
                assertThat(receipts).as("receipts of " + id).containsExactly("ACCEPTED", "DELIVERED");
            }
            var verification = api.get(Api.AUDITOR, "/api/v1/audit/verify").json();
            assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        }
    }

    private static void send(Api api, Set<String> accepted) {
        var answer = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
        if (answer.status() == 202) {
            accepted.add(answer.json().get("messageId").asText());
        }
    }

    private static Set<String> delivered(Api api) {
        Set<String> ids = new HashSet<>();
        for (String state : List.of("DELIVERED", "FETCHED", "ACKNOWLEDGED")) {
            ids.addAll(MessageFlowIT.ids(api.get(Api.FORSAKRINGSKASSAN, MAILBOX + "?limit=1000&state=" + state).json()));
        }
        return ids;
    }
}
