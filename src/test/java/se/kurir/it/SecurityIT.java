package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;

/** Every endpoint authenticated, roles enforced, a participant reads only its own mailboxes and receipts. */
class SecurityIT extends IntegrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/catalogue/products", "/api/v1/catalogue/agreements", "/api/v1/audit",
        "/api/v1/audit/verify", "/api/v1/reviews", "/api/v1/mailboxes/2021005521.kontroll/messages",
        "/v3/api-docs", "/actuator/health", "/actuator/prometheus", "/no/such/path"})
    void anonymousCallersAreRefusedEverywhere(String path) {
        var answer = api.get(null, path);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theAs4EndpointIsNotThereWhileTheBridgeIsOff() {
        var answer = api.postRaw(null, "/as4", "application/soap+xml", "<Envelope/>".getBytes());
        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void unknownApiKeyIsRefused() {
        var answer = api.get("kurir-demo-key-guessed", "/api/v1/catalogue/products");
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThat(api.get("demo-auditor:guess", "/api/v1/audit").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "kurir-demo-key-skatteverket, /api/v1/audit",
        "kurir-demo-key-skatteverket, /api/v1/reviews",
        "kurir-demo-key-skatteverket, /actuator/health",
        "demo-auditor:demo-auditor-password, /api/v1/mailboxes/2021005521.kontroll/messages",
        "demo-auditor:demo-auditor-password, /api/v1/reviews",
        "demo-reviewer:demo-reviewer-password, /api/v1/audit",
        "demo-operator:demo-operator-password, /api/v1/audit"})
    void rolesAreEnforced(String credentials, String path) {
        var answer = api.get(credentials, path);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void operatorReachesActuator() {
        var health = api.get(Api.OPERATOR, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void anotherParticipantsMailboxIsForbiddenAndTheAttemptAudited() {
        var answer = api.get(Api.POLISEN, "/api/v1/mailboxes/2021005521.kontroll/messages");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("code").asText()).isEqualTo("MAILBOX_FORBIDDEN");
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?participant=2021000076").json();
        List<String> denials = new ArrayList<>();
        audit.forEach(r -> {
            if (r.get("type").asText().equals("MAILBOX_ACCESS_DENIED")) {
                denials.add(r.get("recipient").asText());
            }
        });
        assertThat(denials).contains("2021005521.kontroll");
    }

    @Test
    void anotherParticipantsMessageCannotBeReadFetchedOrAcknowledged() {
        String id = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), Envelopes.payload())
                .json().get("messageId").asText();
        String path = "/api/v1/mailboxes/2021005521.kontroll/messages/" + id;

        assertThat(api.get(Api.POLISEN, path).status()).isEqualTo(403);
        assertThat(api.get(Api.POLISEN, path + "/payload").status()).isEqualTo(403);
        assertThat(api.post(Api.POLISEN, path + "/ack", null).status()).isEqualTo(403);
        // Receipts belong to the sender; to anyone else the message does not exist.
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/api/v1/messages/" + id + "/receipts").status()).isEqualTo(404);
        // A participant's own mailbox does not reveal a message addressed to another mailbox.
        assertThat(api.get(Api.SKATTEVERKET, "/api/v1/mailboxes/2021005448.kontroll/messages/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void participantSeesOnlyItsOwnAgreementsAndOperatorSeesAll() {
        var own = api.get(Api.POLISEN, "/api/v1/catalogue/agreements").json();
        var all = api.get(Api.OPERATOR, "/api/v1/catalogue/agreements").json();

        assertThat(own.findValuesAsText("id")).containsExactlyInAnyOrder("polisen-falsk-identitet",
                "fk-polisen-utredningsunderlag", "polisen-migrationsverket-utredningsunderlag",
                "polisen-lagesbild");
        assertThat(all.size()).isGreaterThan(own.size());
        assertThat(all.findValuesAsText("id")).contains("skv-fk-inkomstuppgift", "polisen-falsk-identitet");
    }

    @Test
    void senderIsTheAuthenticatedParticipantNotAnEnvelopeField() {
        String forged = Envelopes.inkomstuppgift(null).replace("\"recipient\"", "\"sender\": \"2021005448\", "
                + "\"recipient\"");
        var answer = api.sendMessage(Api.POLISEN, forged, Envelopes.payload());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).startsWith("sender:");
    }
}
