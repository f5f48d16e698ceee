package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.adapter.testchannel.TestChannel;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.Seeds;

/**
 * A delivery channel kind added by one package of its own ({@code se.kurir.adapter.testchannel}, test code) and a
 * registry entry naming it for one mailbox: the mailbox's delivery route runs it, inside the delivery's broker
 * transaction (a failure is redelivered), and records the delivery, with no change to the pipeline or the registry.
 */
class DeliveryChannelPluginIT {

    static final String MAILBOX = "2021005521.kontroll";
    static KurirNode node;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "channel-it-");
        node = KurirNode.start(dir.resolve("data"), Map.of("kurir.registry.seed", seedWithTestChannel(dir),
                "kurir.pipeline.redelivery.initial-delay", "100ms"));
    }

    /** The demo seed, with Försäkringskassan's kontroll mailbox delivered by the test channel. */
    private static String seedWithTestChannel(Path dir) {
        return seedWith(dir, "test", "1");
    }

    private static String seedWith(Path dir, String kind, String failures) {
        return Seeds.demoWithDelivery(dir, MAILBOX, Map.of("kind", kind, "failures", failures));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aPluggedInChannelCarriesTheMailboxsMessagesAndItsFailuresAreRedelivered() {
        Api api = node.api();
        var sent = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String id = sent.json().get("messageId").asText();

        TestChannel channel = node.bean(TestChannel.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> channel.carried().contains(id));
        await().atMost(Duration.ofSeconds(5)).until(() -> receipts(api, id).contains("DELIVERED"));
        assertThat(channel.failuresLeft()).as("the planned failure happened, and was redelivered").isZero();
        assertThat(channel.carried()).as("carried once, after the planned failure").containsOnlyOnce(id);

        assertThat(steps(MAILBOX)).as("the channel's step, before the delivery is recorded")
                .containsExactly("delivery-mailbox-" + MAILBOX + "-test", "delivery-mailbox-" + MAILBOX + "-deliver");
        assertThat(steps("2021005448.kontroll")).as("a mailbox the channel does not serve")
                .containsExactly("delivery-mailbox-2021005448.kontroll-deliver");
        ManagedRouteMBean kindRoute = node.bean(CamelContext.class).getCamelContextExtension()
                .getContextPlugin(ManagedCamelContext.class).getManagedRoute("delivery-test");
        assertThat(kindRoute).as("the kind's own route, as Hawtio sees it").isNotNull();
        assertThat(kindRoute.getExchangesFailed()).as("the planned failure, in the kind's route").isEqualTo(1);
        assertThat(kindRoute.getExchangesCompleted()).as("the redelivery").isEqualTo(1);
    }

    @Test
    void aRegistryEntryNamingAChannelNoPackageCarriesStopsTheNodeNamingTheMailbox(@TempDir Path dir) throws Exception {
        String seed = seedWith(dir, "carrier-pigeon", "0");
        assertThatThrownBy(() -> KurirNode.start(dir.resolve("data"), Map.of("kurir.registry.seed", seed)))
                .hasStackTraceContaining("Mailbox " + MAILBOX + ": no delivery channel of kind carrier-pigeon is "
                        + "installed");
    }

    @Test
    void aSettingTheChannelCannotHonourStopsTheNodeNamingTheSetting(@TempDir Path dir) throws Exception {
        String seed = seedWith(dir, "test", "many");
        assertThatThrownBy(() -> KurirNode.start(dir.resolve("data"), Map.of("kurir.registry.seed", seed)))
                .hasStackTraceContaining("Mailbox " + MAILBOX + ": delivery.failures must be a number");
    }

    private static List<String> steps(String mailbox) {
        return node.bean(ModelCamelContext.class).getRouteDefinition("delivery-mailbox-" + mailbox).getOutputs()
                .stream().map(ProcessorDefinition::getId).toList();
    }

    private static List<String> receipts(Api api, String id) {
        return api.get(Api.SKATTEVERKET, "/api/v1/messages/" + id + "/receipts").json().get("receipts")
                .findValuesAsText("type");
    }
}
