package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;

/** What operators watch: health of every runtime part, and metrics per decision and per mailbox. */
class OperationsIT extends IntegrationTest {

    @Test
    void healthCoversBrokerDatabaseClusterAndPayloadStore() {
        var health = api.get(Api.OPERATOR, "/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        for (String part : new String[] {"db", "broker", "hazelcast", "payloadStore"}) {
            assertThat(health.at("/components/" + part + "/status").asText()).as(part).isEqualTo("UP");
        }
        assertThat(health.at("/components/payloadStore/details/usableBytes").asLong()).isPositive();
    }

    @Test
    void prometheusShowsDecisionsMailboxGaugesAndRouteCounters() {
        api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null, "2021005521.kontroll", "SFS 2009:400",
                "OWN_INITIATIVE", "statistik", "SUBSTANTIAL"), Envelopes.payload());
        api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());

        String metrics = api.get(Api.OPERATOR, "/actuator/prometheus").body();

        assertThat(metrics).containsPattern("kurir_decisions_total\\{[^}]*outcome=\"REJECT\",reason=\"PURPOSE_NOT_ALLOWED\"");
        assertThat(metrics).containsPattern("kurir_decisions_total\\{[^}]*outcome=\"ACCEPT\",reason=\"none\"");
        assertThat(metrics).contains("kurir_mailbox_waiting{mailbox=\"2021005521.kontroll\"");
        assertThat(metrics).contains("kurir_mailbox_oldest_age_seconds{mailbox=\"2021005521.kontroll\"");
        assertThat(routeExchanges(metrics, "pipeline-ingress")).isGreaterThanOrEqualTo(2);
        assertThat(metrics).containsPattern("camel_exchanges_failed_total\\{[^}]*routeId=\"delivery-mailbox-");
        double records = api.metric("kurir_audit_records_total");
        assertThat(records).as("two decisions at least").isGreaterThanOrEqualTo(2);
        assertThat(api.metric("kurir_audit_commits_total")).isPositive().isLessThanOrEqualTo(records);
    }

    private static double routeExchanges(String metrics, String routeId) {
        var line = Pattern.compile("^camel_exchanges_total\\{[^}]*routeId=\"" + Pattern.quote(routeId)
                + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(line.find()).as("exchange counter of route " + routeId).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
