package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.kurir.support.FeedEvents.SAMORDNINGSNUMMER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.FeedEvents;
import se.kurir.support.FeedReceiver;
import se.kurir.support.KurirNode;

/**
 * A gateway restart in the middle of a feed: push resumes from the committed cursor and a pull subscriber's cursor
 * is where it left it. Nothing lost, nothing skipped; a run cut off by the stop may come again (at least once).
 */
class SubscriptionRestartIT {

    @Test
    void everySubscriptionResumesFromItsCommittedCursorAfterARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "subscription-restart-it-");
        try (FeedReceiver receiver = new FeedReceiver()) {
            Map<String, Object> properties = Map.of("kurir.demo.push-url", receiver.url(),
                    "kurir.subscriptions.delivery.batch", "5");
            receiver.delayEachAnswer(Duration.ofMillis(150));
            List<Long> published = new ArrayList<>();
            String push;
            String pull;
            long committed;
            try (KurirNode node = KurirNode.start(dataDir, properties)) {
                Api api = node.api();
                push = create(api, FeedEvents.subscription(SAMORDNINGSNUMMER, "PUSH",
                        "\"pushMailbox\": \"2021006297.notiser\""));
                pull = create(api, FeedEvents.pull(SAMORDNINGSNUMMER));
                for (int i = 0; i < 60; i++) {
                    published.add(publish(api));
                }
                var page = api.get(Api.PENSIONSMYNDIGHETEN, "/api/v1/subscriptions/" + pull + "/feed?limit=7").json();
                committed = page.get("nextAfter").asLong();
                api.put(Api.PENSIONSMYNDIGHETEN, "/api/v1/subscriptions/" + pull + "/cursor",
                        "{\"after\": " + committed + "}");
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.sequences(push).size() >= 10);
            }
            int beforeRestart = receiver.sequences(push).size();
            assertThat(beforeRestart).as("stopped mid-stream").isLessThan(60);

            receiver.delayEachAnswer(Duration.ZERO);
            try (KurirNode node = KurirNode.start(dataDir, properties)) {
                Api api = node.api();
                for (int i = 0; i < 10; i++) {
                    published.add(publish(api));
                }
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> new TreeSet<>(receiver.sequences(push)).containsAll(published));

                var state = api.get(Api.PENSIONSMYNDIGHETEN, "/api/v1/subscriptions/" + pull).json();
                assertThat(state.get("after").asLong()).isEqualTo(committed);
                var next = api.get(Api.PENSIONSMYNDIGHETEN, "/api/v1/subscriptions/" + pull + "/feed?limit=1000")
                        .json();
                assertThat(next.at("/events/0/sequence").asLong()).isEqualTo(committed + 1);
                assertThat(next.get("events")).hasSize(published.size() - 7);
                await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.PENSIONSMYNDIGHETEN,
                        "/api/v1/subscriptions/" + push).json().get("after").asLong() == published.get(69));
            }
            List<Long> received = receiver.sequences(push);
            // In order: every delivery continues where the last confirmed one ended, so a repeat can only be the
            // tail of the run the stop cut off, delivered again from the cursor.
            assertThat(new TreeSet<>(received)).containsExactlyElementsOf(published);
            List<Long> firstSeen = received.stream().distinct().toList();
            assertThat(firstSeen).isSorted();
            assertThat(received.size() - firstSeen.size()).isLessThanOrEqualTo(5);
        }
    }

    private static String create(Api api, String body) {
        var created = api.post(Api.PENSIONSMYNDIGHETEN, "/api/v1/subscriptions", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static long publish(Api api) {
        var published = api.post(Api.SKATTEVERKET, "/api/v1/products/" + SAMORDNINGSNUMMER + "/events",
                FeedEvents.samordningsnummer(null, "ANDRAT"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        return published.json().get("sequence").asLong();
    }
}
