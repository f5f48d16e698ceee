package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.QueryResponder;
import se.kurir.support.QueryResponder.Answer;

/**
 * Real-time access (need C): Försäkringskassan asks Skatteverket's query service for a person's income while its
 * case officer waits. Same envelope, policy and audit as a message; the reply comes back with its own legal basis.
 */
class RequestReplyIT {

    static final String SKV_QUERIES = "2021005448.kontroll";
    static QueryResponder skatteverket;
    static KurirNode node;
    Api api = node.api();

    @BeforeAll
    static void start() throws Exception {
        skatteverket = new QueryResponder();
        node = KurirNode.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "request-it-"),
                Map.of("kurir.demo.query-url", skatteverket.url(), "kurir.requests.timeout", "1s"));
    }

    @AfterAll
    static void stop() {
        node.close();
        skatteverket.close();
    }

    @Test
    void replyComesBackWithItsOwnLegalBasisAndBothAreAudited() {
        String id = UUID.randomUUID().toString();

        var answer = ask(Api.FORSAKRINGSKASSAN, request(id, SKV_QUERIES, "ON_REQUEST"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("requestId").asText()).isEqualTo(id);
        assertThat(answer.json().at("/reply/inkomst").asInt()).isEqualTo(412000);
        assertThat(answer.json().at("/reply/personnummer").asText()).isEqualTo(Envelopes.SYNTHETIC_PERSONNUMMER);
        assertThat(answer.json().at("/legalBasis/controller").asText()).isEqualTo("2021005448");
        JsonNode asked = skatteverket.receivedFor(id).get(0);
        assertThat(asked.get("requester").asText()).isEqualTo("2021005521");
        assertThat(asked.at("/envelope/legalBasis/disclosureMode").asText()).isEqualTo("ON_REQUEST");

        var audit = audit(id);
        assertThat(MessageFlowIT.types(audit, "type")).containsExactly("REQUEST_SENT", "REPLY_RECEIVED");
        assertThat(audit.get(0).get("actor").asText()).isEqualTo("2021005521");
        assertThat(audit.get(1).get("actor").asText()).isEqualTo("2021005448");
        assertThat(audit.get(1).get("details").asText()).containsPattern("sha256.{3}[0-9a-f]{64}");
        assertThat(audit.toString()).as("metadata only").doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER, "412000");
    }

    @Test
    void theAgreementsPrivacyStepRunsOnTheReplyForTheRequester() {
        String id = UUID.randomUUID().toString();
        String body = request(id, SKV_QUERIES, "ON_REQUEST").replace("\"inkomstuppgift\"",
                "\"" + PrivacyStepIT.PRODUCT + "\"");

        var answer = ask(Api.PENSIONSMYNDIGHETEN, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().at("/reply/personnummer").asText()).hasSize(43);
        assertThat(answer.json().get("reply").has("inkomst")).as("a field Pensionsmyndigheten's terms do not keep")
                .isFalse();
        assertThat(answer.body()).doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER);
        assertThat(MessageFlowIT.types(audit(id), "type")).contains("REPLY_RECEIVED", "PRIVACY_APPLIED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "no agreement for Polisen,  kurir-demo-key-polisen,           2021005448.kontroll,      ON_REQUEST,     NO_AGREEMENT",
        "mailbox answers no query,  kurir-demo-key-forsakringskassan, 2021005448.folkbokforing, ON_REQUEST,     NO_QUERY_ENDPOINT",
        "not a request,             kurir-demo-key-forsakringskassan, 2021005448.kontroll,      OWN_INITIATIVE, DISCLOSURE_MODE_NOT_ALLOWED",
        "unknown mailbox,           kurir-demo-key-forsakringskassan, 2021005448.nobody,        ON_REQUEST,     UNKNOWN_RECIPIENT"})
    void policyRefusesBeforeAnythingIsSent(String why, String apiKey, String recipient, String mode, String code) {
        String id = UUID.randomUUID().toString();

        var answer = ask(apiKey, request(id, recipient, mode));

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
        assertThat(answer.json().get("detail").asText()).startsWith("legalBasis: ");
        assertThat(skatteverket.receivedFor(id)).isEmpty();
        assertThat(MessageFlowIT.types(audit(id), "type")).containsExactly("REQUEST_REJECTED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TOO_SLOW,          504, QUERY_TIMEOUT",
        "SERVER_ERROR,      502, QUERY_REMOTE_ERROR",
        "NOT_JSON,          502, REPLY_INVALID",
        "WRONG_LEGAL_BASIS, 502, REPLY_LEGAL_BASIS_NOT_ALLOWED"})
    void noUsableReplyGivesAClearProblemAndIsAudited(Answer plan, int status, String code) {
        String id = UUID.randomUUID().toString();
        skatteverket.plan(id, plan);

        var answer = ask(Api.FORSAKRINGSKASSAN, request(id, SKV_QUERIES, "ON_REQUEST"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
        assertThat(answer.json().get("requestId").asText()).isEqualTo(id);
        assertThat(answer.body()).as("a withheld reply is not shown").doesNotContain("412000");
        var audit = audit(id);
        assertThat(MessageFlowIT.types(audit, "type")).containsExactly("REQUEST_SENT", "REQUEST_FAILED");
        assertThat(audit.get(1).get("reasonCode").asText()).isEqualTo(code);
    }

    @Test
    void malformedRequestsNameTheField() {
        var unknown = api.post(Api.FORSAKRINGSKASSAN, "/api/v1/requests",
                "{\"envelope\": {}, \"query\": {}, \"payload\": 1}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("REQUEST_FIELD_UNKNOWN");
        assertThat(unknown.json().get("detail").asText()).startsWith("payload: ");

        var missing = api.post(Api.FORSAKRINGSKASSAN, "/api/v1/requests", "{\"envelope\": {}}");
        assertThat(missing.json().get("code").asText()).isEqualTo("REQUEST_FIELD_MISSING");
        assertThat(missing.json().get("detail").asText()).startsWith("query: ");

        var badEnvelope = api.post(Api.FORSAKRINGSKASSAN, "/api/v1/requests", "{\"envelope\": {}, \"query\": {}}");
        assertThat(badEnvelope.status()).isEqualTo(400);
        assertThat(badEnvelope.json().get("violations").findValuesAsText("field")).contains("recipient", "product");

        assertThat(api.post(Api.AUDITOR, "/api/v1/requests", request(null, SKV_QUERIES, "ON_REQUEST")).status())
                .isEqualTo(403);
    }

    private Api.Response ask(String apiKey, String body) {
        return api.post(apiKey, "/api/v1/requests", body);
    }

    private static String request(String id, String recipient, String mode) {
        return "{\"envelope\": " + Envelopes.envelope(id, recipient, "inkomstuppgift", "SFS 2009:400",
                "10 kap. 15 a §", mode, "felaktiga-utbetalningar", "SUBSTANTIAL")
                + ", \"query\": {\"personnummer\": \"" + Envelopes.SYNTHETIC_PERSONNUMMER + "\", \"period\": \"2025\"}}";
    }

    private JsonNode audit(String id) {
        return api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
    }

}
