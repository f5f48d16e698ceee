package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.FeedEvents;
import se.kurir.support.IntegrationTest;

/**
 * The privacy step in the running gateway: the agreement skv-inkomstunderlag-kontroll pseudonymises and minimises
 * what Skatteverket sends, per recipient; Migrationsverket's own terms pseudonymise its coordination-number feed.
 */
class PrivacyStepIT extends IntegrationTest {

    static final String PRODUCT = "inkomstunderlag-kontroll";
    static final String FK_MAILBOX = "/api/v1/mailboxes/2021005521.kontroll/messages";
    static final String PM_MAILBOX = "/api/v1/mailboxes/2021006297.kontroll/messages";
    static final String PURPOSE = "felaktiga-utbetalningar";

    static String envelope(String recipient) {
        return Envelopes.envelope(UUID.randomUUID().toString(), recipient, PRODUCT, "SFS 2009:400", "10 kap. 15 a §",
                "OWN_INITIATIVE", PURPOSE, "SUBSTANTIAL");
    }

    static byte[] payload() {
        return """
                {"personnummer": "%s", "namn": "Tolvan Tolvansson", "fodelsedatum": "1912-12-12", "alder": 113,
                 "adress": {"gata": "Testgatan 1", "postnummer": "111 22"}, "telefon": "0701234567",
                 "arbetsgivare": {"organisationsnummer": "5599990001", "namn": "Exempel AB"},
                 "inkomster": [{"manad": "2026-01", "belopp": 31000}, {"manad": "2026-02", "belopp": 32000}],
                 "anteckning": "hemlig anteckning"}
                """.formatted(Envelopes.SYNTHETIC_PERSONNUMMER).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void eachRecipientGetsOnlyWhatItsTermsAllowWithPseudonymsOfItsOwn() {
        String toFk = send(envelope("2021005521.kontroll"), payload());
        String toPm = send(envelope("2021006297.kontroll"), payload());

        String fkBody = new String(fetch(Api.FORSAKRINGSKASSAN, FK_MAILBOX, toFk), StandardCharsets.UTF_8);
        JsonNode fk = Api.parse(fkBody);
        String pseudonym = fk.get("personnummer").asText();
        assertThat(pseudonym).matches("\\d{12}").isNotEqualTo(Envelopes.SYNTHETIC_PERSONNUMMER);
        assertThat(fk.get("fodelsedatum").asText()).isEqualTo("1912-12");
        assertThat(fk.get("alder").asText()).isEqualTo("110-119");
        assertThat(fk.at("/adress/postnummer").asText()).isEqualTo("111");
        assertThat(fk.get("telefon").asText()).isEqualTo("********67");
        assertThat(fk.at("/inkomster/1/belopp").asInt()).isEqualTo(32000);
        assertThat(fkBody).doesNotContain("Tolvan", "Testgatan", "hemlig", "gata", "anteckning");

        JsonNode pm = Api.parse(new String(fetch(Api.PENSIONSMYNDIGHETEN, PM_MAILBOX, toPm), StandardCharsets.UTF_8));
        assertThat(pm.get("personnummer").asText()).hasSize(43).isNotEqualTo(pseudonym);
        assertThat(pm.fieldNames()).toIterable().containsExactly("personnummer", "inkomster");

        JsonNode envelope = api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + "/" + toFk).json().get("envelope");
        assertThat(envelope.at("/metadata/kurir.privacy.step").asText()).isEqualTo("pseudonymise");
        assertThat(envelope.at("/metadata/kurir.privacy.key").asText()).isEqualTo("pseudonym");
        assertThat(envelope.at("/metadata/kurir.privacy.keyVersion").asText()).isEqualTo("1");
        assertThat(envelope.at("/payload/size").asLong()).isEqualTo(fkBody.getBytes(StandardCharsets.UTF_8).length);

        JsonNode applied = api.auditRecord(toFk, "PRIVACY_APPLIED");
        JsonNode details = Api.parse(applied.get("details").asText());
        assertThat(details.get("plan").asText()).matches("[0-9a-f]{32}");
        assertThat(details.get("keyVersion").asText()).isEqualTo("1");
        assertThat(details.get("fields.fpe").asText()).isEqualTo("1");
        assertThat(details.get("fields.drop").asText()).isEqualTo("3");
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + toFk).body()).as("metadata only")
                .doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER, pseudonym, "Tolvan", "31000");
    }

    @Test
    void onlyTheReidentifierRoleReversesAPseudonymAndEveryReversalIsAudited() {
        String id = send(envelope("2021005521.kontroll"), payload());
        String pseudonym = Api.parse(new String(fetch(Api.FORSAKRINGSKASSAN, FK_MAILBOX, id),
                StandardCharsets.UTF_8)).get("personnummer").asText();
        String request = """
                {"agreement": "skv-inkomstunderlag-kontroll", "recipient": "2021005521", "purpose": "%s",
                 "keyVersion": 1, "pseudonym": "%s", "caseReference": "%s"}""";
        String caseReference = "FK-ärende-" + UUID.randomUUID();

        assertThat(api.post(Api.OPERATOR, "/api/v1/privacy/reversals", request.formatted(PURPOSE, pseudonym,
                caseReference)).status()).isEqualTo(403);
        assertThat(api.post(Api.FORSAKRINGSKASSAN, "/api/v1/privacy/reversals", request.formatted(PURPOSE, pseudonym,
                caseReference)).status()).isEqualTo(403);
        var noCase = api.post(Api.REIDENTIFIER, "/api/v1/privacy/reversals", request.formatted(PURPOSE, pseudonym,
                ""));
        assertThat(noCase.status()).isEqualTo(422);
        assertThat(noCase.json().get("code").asText()).isEqualTo("FIELD_REQUIRED");
        assertThat(noCase.json().get("detail").asText()).startsWith("caseReference:");
        var wrongVersion = api.post(Api.REIDENTIFIER, "/api/v1/privacy/reversals",
                request.formatted(PURPOSE, pseudonym, caseReference).replace("\"keyVersion\": 1", "\"keyVersion\": 7"));
        assertThat(wrongVersion.json().get("code").asText()).isEqualTo("UNKNOWN_KEY_VERSION");

        var reversed = api.post(Api.REIDENTIFIER, "/api/v1/privacy/reversals", request.formatted(PURPOSE, pseudonym,
                caseReference));
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(reversed.json().get("value").asText()).isEqualTo(Envelopes.SYNTHETIC_PERSONNUMMER);

        var audit = api.get(Api.AUDITOR, "/api/v1/audit?participant=2021005448&limit=5000").json();
        JsonNode record = null;
        for (JsonNode r : audit) {
            if (r.get("type").asText().equals("PSEUDONYM_REVERSED")
                    && r.get("details").asText().contains(caseReference)) {
                record = r;
            }
        }
        assertThat(record).as("the reversal is audited").isNotNull();
        assertThat(record.get("actor").asText()).isEqualTo("demo-reidentifier");
        assertThat(record.toString()).doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER, pseudonym);
    }

    @Test
    void aPayloadThatDoesNotFitThePlanIsRejectedAndKept() {
        String id = UUID.randomUUID().toString();
        String envelope = envelope("2021005521.kontroll").replaceFirst("\"messageId\": \"[^\"]+\"",
                "\"messageId\": \"" + id + "\"");
        var notJson = api.sendMessage(Api.SKATTEVERKET, envelope, "application/json",
                "personnummer;191212121212".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(422);
        assertThat(notJson.json().get("code").asText()).isEqualTo("PRIVACY_INPUT_INVALID");
        assertThat(notJson.json().get("detail").asText()).startsWith("payload:");
        JsonNode refused = Api.parse(api.auditRecord(id, "PRIVACY_APPLIED").get("details").asText());
        assertThat(refused.get("error").asText()).contains("reads JSON, not text/csv");
        assertThat(api.auditRecord(id, "MESSAGE_REJECTED").get("reasonCode").asText()).isEqualTo("PRIVACY_INPUT_INVALID");
        var sealedByTheSender = api.sendMessage(Api.SKATTEVERKET, envelope("2021005521.kontroll"),
                "application/json", payload(), "application/cms");
        assertThat(sealedByTheSender.json().get("code").asText()).isEqualTo("PRIVACY_STEP_NOT_APPLICABLE");
    }

    @Test
    void aSubscribersOwnTermsPseudonymiseItsFeedAndForbidFiltersOnSubjects() {
        var filtered = api.post(Api.MIGRATIONSVERKET, "/api/v1/subscriptions", FeedEvents.subscription(
                FeedEvents.SAMORDNINGSNUMMER, "PULL", "\"filter\": {\"subjectKeys\": [\""
                        + FeedEvents.SYNTHETIC_SAMORDNINGSNUMMER + "\"]}"));
        assertThat(filtered.status()).isEqualTo(422);
        assertThat(filtered.json().get("code").asText()).isEqualTo("FILTER_NOT_ALLOWED");

        var created = api.post(Api.MIGRATIONSVERKET, "/api/v1/subscriptions",
                FeedEvents.pull(FeedEvents.SAMORDNINGSNUMMER));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String subscription = created.json().get("id").asText();
        var published = api.post(Api.SKATTEVERKET, "/api/v1/products/" + FeedEvents.SAMORDNINGSNUMMER + "/events",
                FeedEvents.samordningsnummer(null, "ANDRAT"));
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        var page = api.get(Api.MIGRATIONSVERKET, "/api/v1/subscriptions/" + subscription + "/feed?limit=10");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode event = page.json().get("events").get(0);
        String pseudonym = event.at("/payload/samordningsnummer").asText();
        assertThat(pseudonym).hasSize(43);
        assertThat(event.get("subjectKey").asText()).isEqualTo(pseudonym);
        assertThat(event.at("/payload/giltigFran").asText()).isEqualTo("2026-11");
        assertThat(event.at("/payload/handelse").asText()).isEqualTo("ANDRAT");
        assertThat(page.body()).doesNotContain(FeedEvents.SYNTHETIC_SAMORDNINGSNUMMER, "Tolvansson", "Testgatan");
    }

    private String send(String envelope, byte[] payload) {
        var sent = api.sendMessage(Api.SKATTEVERKET, envelope, payload);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return sent.json().get("messageId").asText();
    }

    private byte[] fetch(String apiKey, String mailbox, String id) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get(apiKey,
                mailbox + "/" + id).json().get("state").asText()).isEqualTo("DELIVERED"));
        var fetched = api.get(apiKey, mailbox + "/" + id + "/payload");
        assertThat(fetched.status()).isEqualTo(200);
        return fetched.raw().body();
    }
}
