package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.ShsClient;
import se.kurir.support.ShsClient.Mime;
import se.kurir.support.ShsNodeStub;

/**
 * A mailbox of delivery kind {@code shs}: Migrationsverket's identity mailbox is served by Migrationsverket's own SHS
 * node, which the test plays. What Polisen sends there (over SHS or REST, after the sekretessprövning) is posted to
 * that node's receive service as an SHS client would send it, label and data parts; a node that refuses is tried
 * again with back-off, and the delivery is recorded only once the node has taken the message.
 */
class ShsForwardIT {

    private static final String IDENTITET = "/api/v1/mailboxes/2021002163.identitet/messages/";

    static ShsNodeStub migrationsverket;
    static KurirNode node;
    Api api = node.api();

    @BeforeAll
    static void start() throws Exception {
        migrationsverket = new ShsNodeStub();
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "shs-forward-it-");
        node = KurirNode.start(dataDir, Map.of("kurir.demo.shs-node-url", migrationsverket.url(),
                "kurir.pipeline.redelivery.max-attempts", "4", "kurir.pipeline.redelivery.initial-delay", "100ms",
                "kurir.pipeline.redelivery.max-delay", "500ms"));
    }

    @AfterAll
    static void stop() {
        node.close();
        migrationsverket.close();
    }

    @Test
    void anShsMessageOfSeveralDataPartsIsForwardedToTheRecipientsShsNodeAsItCame() {
        String tx = UUID.randomUUID().toString();
        byte[] report = Envelopes.payload();
        byte[] scan = "%PDF-1.4 synthetic passport scan".getBytes(StandardCharsets.ISO_8859_1);
        String label = ShsClient.label(tx, "urn:X-shs:2021000076", "urn:X-shs:2021002163.identitet",
                ShsClient.FALSK_IDENTITET).replace("<data datapartType=\"json\" filename=\"inkomst.json\"/>",
                "<data datapartType=\"json\" filename=\"anmalan.json\"/><data datapartType=\"binary\" "
                        + "filename=\"pass_Åsa.pdf\"/>");
        var sent = new ShsClient(node.port(), Api.POLISEN).send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("application/json", "anmalan.json", report).data("application/pdf", "pass.pdf", scan));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        approve(tx);

        await().atMost(Duration.ofSeconds(20)).until(() -> !migrationsverket.receivedFor(tx).isEmpty());
        ShsClient.Fetched forwarded = migrationsverket.receivedFor(tx).get(0);
        List<String[]> parts = forwarded.parts();
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)[1]).contains("<from>urn:X-shs:2021000076</from>",
                "<to>urn:X-shs:2021002163.identitet</to>", "urn:X-shs:" + ShsClient.FALSK_IDENTITET,
                "corr.id=\"korr-" + tx.substring(0, 8) + "\"", "filename=\"pass_Åsa.pdf\"",
                "no-of-bytes=\"" + scan.length + "\"");
        assertThat(parts.get(1)[1].getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(report);
        assertThat(parts.get(2)[0]).contains("application/pdf");
        assertThat(parts.get(2)[1].getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(scan);
        await().atMost(Duration.ofSeconds(10)).until(() -> receipts(tx).contains("DELIVERED"));
    }

    @Test
    void aNodeThatRefusesIsTriedAgainAndTheDeliveryRecordedOnlyWhenItTakesTheMessage() {
        String id = UUID.randomUUID().toString();
        migrationsverket.refuseNext("OtherError", "OtherError");
        var sent = api.sendMessage(Api.POLISEN, Envelopes.falskIdentitet(id).replace("2021005448.folkbokforing",
                "2021002163.identitet"), Envelopes.payload());
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        approve(id);

        await().atMost(Duration.ofSeconds(20)).until(() -> receipts(id).contains("DELIVERED"));
        assertThat(migrationsverket.receivedFor(id)).hasSize(1);
        String label = migrationsverket.receivedFor(id).get(0).parts().get(0)[1];
        assertThat(label).contains("tx.id=\"" + id + "\"", "<to>urn:X-shs:2021002163.identitet</to>");
        // The mailbox still holds the message for its owner, as every channel leaves it.
        assertThat(api.get(Api.MIGRATIONSVERKET, IDENTITET + id).json().get("state").asText()).isEqualTo("DELIVERED");
    }

    private void approve(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.REVIEWER, "/api/v1/reviews").json()
                .findValuesAsText("messageId").contains(id));
        assertThat(api.post(Api.REVIEWER, "/api/v1/reviews/" + id + "/approve",
                "{\"justification\": \"OSL 10 kap. 27 §: disclosure clearly outweighs\"}").status()).isEqualTo(200);
    }

    private List<String> receipts(String id) {
        return api.get(Api.POLISEN, "/api/v1/messages/" + id + "/receipts").json().get("receipts")
                .findValuesAsText("type");
    }
}
