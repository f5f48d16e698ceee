package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.FeedEvents;
import se.kurir.support.IntegrationTest;
import se.kurir.support.NodeProcess;

/**
 * What operators watch: every metric the Prometheus alert rules and the Grafana dashboard in docker/ use is one a node
 * serves, and the new ones move when messages do; the health probes answer without credentials; with the json-logs
 * profile a node logs one ECS object per line.
 */
class ObservabilityIT extends IntegrationTest {

    private static final Pattern METRIC = Pattern.compile("\\bkurir_[a-z_]+");

    @Test
    void everyMetricTheAlertsAndTheDashboardUseIsServed() throws Exception {
        Set<String> served = api.get(Api.OPERATOR, "/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("kurir_")).map(line -> line.split("[{ ]")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> used = new TreeSet<>();
        used.addAll(metrics(Files.readString(Path.of("docker/prometheus/kurir-alerts.yml"))));
        JsonNode dashboard = Api.parse(Files.readString(Path.of("docker/grafana/kurir-dashboard.json")));
        dashboard.findValuesAsText("expr").forEach(expr -> used.addAll(metrics(expr)));

        assertThat(used).hasSizeGreaterThan(10);
        assertThat(served).containsAll(used);
    }

    @Test
    void bytesMovedAndTheFeedsGroupCommitAreCounted() {
        double eventsBefore = api.metric("kurir_feed_events_total");
        double commitsBefore = api.metric("kurir_feed_commits_total");
        double storedBefore = api.metric("kurir_payload_stored_bytes_total");
        double readBefore = api.metric("kurir_payload_read_bytes_total");
        byte[] payload = Envelopes.payload();
        String id = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), payload).json()
                .get("messageId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(Api.FORSAKRINGSKASSAN,
                "/api/v1/mailboxes/2021005521.kontroll/messages/" + id).status() == 200);
        api.get(Api.FORSAKRINGSKASSAN, "/api/v1/mailboxes/2021005521.kontroll/messages/" + id + "/payload");

        assertThat(api.metric("kurir_payload_stored_bytes_total") - storedBefore)
                .isGreaterThanOrEqualTo(payload.length);
        assertThat(api.metric("kurir_payload_read_bytes_total") - readBefore).isGreaterThanOrEqualTo(payload.length);
        assertThat(api.post(Api.SKATTEVERKET, "/api/v1/products/" + FeedEvents.SAMORDNINGSNUMMER + "/events",
                FeedEvents.samordningsnummer(null, "ANDRAT")).status()).isEqualTo(201);
        double events = api.metric("kurir_feed_events_total") - eventsBefore;
        double commits = api.metric("kurir_feed_commits_total") - commitsBefore;
        assertThat(events).isGreaterThanOrEqualTo(1);
        assertThat(commits).as("the event's transaction, shared or not").isBetween(1.0, events);
    }

    @Test
    void theProbesAnswerWithoutCredentials() {
        assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/prometheus").status()).as("the metrics are not public").isEqualTo(401);
    }

    @Test
    void withTheJsonLogsProfileEveryLogLineIsAnEcsObject(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("node.log");
        try (NodeProcess node = NodeProcess.start(dir.resolve("data"), log,
                "--spring.profiles.active=demo,json-logs")) {
            assertThat(node.api().get(Api.OPERATOR, "/actuator/health").status()).isEqualTo(200);
        }
        List<JsonNode> lines = Files.readAllLines(log).stream().filter(line -> line.startsWith("{"))
                .map(Api::parse).toList();
        assertThat(lines).hasSizeGreaterThan(10).allSatisfy(line -> assertThat(line.has("@timestamp")
                && line.at("/log/level").isTextual() && line.has("message")).as(line.toString()).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line.get("message").asText()).contains("Started"));
    }

    private static Set<String> metrics(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
