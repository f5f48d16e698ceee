package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.PushReceiver;

/**
 * An orderly stop lets a delivery that is under way finish: the push in flight completes, its DELIVERED state and
 * receipt are committed before the node goes down, and the next start does not deliver it again. (A delivery cut off
 * by a kill goes back to the queue instead: CrashIT.)
 */
class GracefulShutdownIT {

    @TempDir
    Path dataDir;

    @Test
    void deliveryInFlightFinishesBeforeTheNodeStops() throws Exception {
        String id = UUID.randomUUID().toString();
        try (PushReceiver receiver = new PushReceiver()) {
            Map<String, Object> push = Map.of("kurir.demo.push-url", receiver.url());
            receiver.plan(id, PushReceiver.SLOW);
            KurirNode node = KurirNode.start(dataDir, push);
            var sent = node.api().sendMessage(PushDeliveryIT.KRIMINALVARDEN, PushDeliveryIT.notice(id),
                    Envelopes.payload());
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedFor(id).size() == 1);

            long stopping = System.nanoTime();
            node.close();
            Duration stop = Duration.ofNanos(System.nanoTime() - stopping);

            assertThat(stop).as("the stop waited for the slow endpoint").isGreaterThan(Duration.ofSeconds(1));
            try (KurirNode restarted = KurirNode.start(dataDir, push)) {
                JdbcTemplate jdbc = restarted.bean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT state FROM messages WHERE message_id = ?", String.class, id))
                        .isEqualTo("DELIVERED");
                assertThat(receipts(restarted.api(), id)).containsExactly("ACCEPTED", "DELIVERED");
                assertThat(receiver.receivedFor(id)).as("not delivered again after the restart").hasSize(1);
            }
        }
    }

    private static List<String> receipts(Api api, String id) {
        return api.get(PushDeliveryIT.KRIMINALVARDEN, "/api/v1/messages/" + id + "/receipts").json().get("receipts")
                .findValuesAsText("type");
    }
}
