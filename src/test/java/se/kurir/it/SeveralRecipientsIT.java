package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;

/**
 * One post to several recipients (Kriminalvården's duty to notify Försäkringskassan and Pensionsmyndigheten of a
 * sentence not served): one message per recipient, each judged, receipted and delivered on its own, the payload
 * stored once; a recipient the agreements do not cover is rejected alone, and a post sent again is a duplicate for
 * every recipient.
 */
class SeveralRecipientsIT extends IntegrationTest {

    private static final String KRIMINALVARDEN = "kurir-demo-key-kriminalvarden";

    @Test
    void eachRecipientGetsItsOwnMessageJudgedOnItsOwn() {
        String id = UUID.randomUUID().toString();
        String envelope = notice(id, "[\"2021005521.kontroll\", \"2021006297.notiser\", \"2021005448.kontroll\"]");

        byte[] payload = Envelopes.payload();
        var sent = api.sendMessage(KRIMINALVARDEN, envelope, payload);

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        List<JsonNode> messages = new ArrayList<>();
        sent.json().get("messages").forEach(messages::add);
        assertThat(messages).extracting(m -> m.get("recipient").asText())
                .containsExactly("2021005521.kontroll", "2021006297.notiser", "2021005448.kontroll");
        assertThat(messages).extracting(m -> m.get("status").asText())
                .containsExactly("ACCEPTED", "ACCEPTED", "REJECTED");
        assertThat(messages.get(2).get("reasonCode").asText()).isEqualTo("NO_AGREEMENT");
        List<String> ids = messages.stream().map(m -> m.get("messageId").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(id);

        JsonNode atFk = awaitInMailbox(Api.FORSAKRINGSKASSAN, "2021005521.kontroll", ids.get(0));
        JsonNode atPm = awaitInMailbox(Api.PENSIONSMYNDIGHETEN, "2021006297.notiser", ids.get(1));
        assertThat(atFk.get("envelope").get("conversationId").asText())
                .isEqualTo(atPm.get("envelope").get("conversationId").asText()).isEqualTo(id);
        assertThat(atFk.get("payload").get("sha256").asText()).isEqualTo(atPm.get("payload").get("sha256").asText());
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/api/v1/mailboxes/2021005521.kontroll/messages/" + ids.get(0)
                + "/payload").raw().body()).isEqualTo(payload);
        assertThat(receipts(ids.get(0))).contains("ACCEPTED", "DELIVERED");
        assertThat(receipts(ids.get(2))).containsExactly("REJECTED");

        var again = api.sendMessage(KRIMINALVARDEN, envelope, payload);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Kurir-Duplicate")).isEqualTo("true");
        List<String> idsAgain = new ArrayList<>();
        again.json().get("messages").forEach(m -> idsAgain.add(m.get("messageId").asText()));
        assertThat(idsAgain).isEqualTo(ids);
    }

    @Test
    void aPostRejectedForEveryRecipientIs422AndListsEach() {
        var sent = api.sendMessage(KRIMINALVARDEN, notice(null, "[\"2021005448.kontroll\", \"2021000076.underrattelse\"]"),
                Envelopes.payload());

        assertThat(sent.status()).isEqualTo(422);
        assertThat(sent.json().get("code").asText()).isEqualTo("NO_AGREEMENT");
        assertThat(sent.json().get("messages").findValuesAsText("status")).containsExactly("REJECTED", "REJECTED");
    }

    @Test
    void recipientAndRecipientsTogetherOrAnEmptyListAreRefusedNamingTheField() {
        String both = notice(null, "[\"2021005521.kontroll\"]").replaceFirst("\\{",
                "{\"recipient\": \"2021005521.kontroll\", ");
        String empty = notice(null, "[]");

        for (String envelope : List.of(both, empty)) {
            var sent = api.sendMessage(KRIMINALVARDEN, envelope, Envelopes.payload());
            assertThat(sent.status()).as(envelope).isEqualTo(400);
            assertThat(sent.body()).contains("recipients");
        }
    }

    private static String notice(String id, String recipients) {
        return Envelopes.envelope(id, "RECIPIENT", "utebliven-installelse", "SFS 2010:610", "1 kap. 9 §",
                "DUTY_TO_NOTIFY", "felaktiga-utbetalningar", "SUBSTANTIAL")
                .replace("\"recipient\": \"RECIPIENT\"", "\"recipients\": " + recipients);
    }

    private JsonNode awaitInMailbox(String apiKey, String mailbox, String id) {
        String path = "/api/v1/mailboxes/" + mailbox + "/messages/" + id;
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(apiKey, path).status() == 200);
        return api.get(apiKey, path).json();
    }

    private List<String> receipts(String id) {
        return api.get(KRIMINALVARDEN, "/api/v1/messages/" + id + "/receipts").json().get("receipts")
                .findValuesAsText("type");
    }
}
