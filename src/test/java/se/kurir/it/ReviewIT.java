package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;
import se.kurir.support.KurirNode;
import se.kurir.support.Seeds;

/** Polisen reports a suspected false identity; the agreement requires a sekretessprövning before release. */
class ReviewIT extends IntegrationTest {

    private static final String MAILBOX = "/api/v1/mailboxes/2021005448.folkbokforing/messages";

    @Test
    void heldMessageIsDeliveredOnlyAfterApproval() {
        String id = held();
        assertThat(api.get(Api.SKATTEVERKET, MAILBOX + "/" + id).status()).isEqualTo(404);
        assertThat(api.get(Api.POLISEN, "/api/v1/messages/" + id + "/receipts").json().get("receipts")).isEmpty();
        assertThat(api.get(Api.REVIEWER, "/api/v1/reviews").json().findValuesAsText("messageId")).contains(id);

        var unjustified = api.post(Api.REVIEWER, "/api/v1/reviews/" + id + "/approve", "{}");
        assertThat(unjustified.status()).isEqualTo(400);
        assertThat(unjustified.json().get("code").asText()).isEqualTo("JUSTIFICATION_REQUIRED");
        assertThat(api.post(Api.SKATTEVERKET, "/api/v1/reviews/" + id + "/approve",
                "{\"justification\": \"self-approval\"}").status()).isEqualTo(403);

        var approved = api.post(Api.REVIEWER, "/api/v1/reviews/" + id + "/approve",
                "{\"justification\": \"OSL 10 kap. 27 §: the interest of disclosure clearly outweighs\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("state").asText()).isEqualTo("ACCEPTED");

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.SKATTEVERKET, MAILBOX + "/" + id).status() == 200);
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json();
        assertThat(MessageFlowIT.types(audit, "type"))
                .containsExactly("MESSAGE_HELD_FOR_REVIEW", "REVIEW_APPROVED", "MESSAGE_DELIVERED");
        assertThat(audit.get(1).get("actor").asText()).isEqualTo("demo-reviewer");
        assertThat(audit.get(1).get("details").asText()).contains("outweighs");
        assertThat(api.post(Api.REVIEWER, "/api/v1/reviews/" + id + "/deny", "{\"justification\": \"late\"}")
                .json().get("code").asText()).isEqualTo("NOT_IN_REVIEW");
    }

    @Test
    void deniedMessageIsRejectedAndNeverDelivered() {
        String id = held();

        var denied = api.post(Api.REVIEWER, "/api/v1/reviews/" + id + "/deny",
                "{\"justification\": \"the information is covered by secrecy towards this recipient\"}");

        assertThat(denied.json().get("state").asText()).isEqualTo("REJECTED");
        var receipts = api.get(Api.POLISEN, "/api/v1/messages/" + id + "/receipts").json().get("receipts");
        assertThat(receipts).hasSize(1);
        assertThat(receipts.get(0).get("type").asText()).isEqualTo("REJECTED");
        assertThat(receipts.get(0).get("reasonCode").asText()).isEqualTo("REVIEW_DENIED");
        assertThat(api.get(Api.SKATTEVERKET, MAILBOX + "/" + id).status()).isEqualTo(404);
        assertThat(api.get(Api.REVIEWER, "/api/v1/reviews").json().findValuesAsText("messageId")).doesNotContain(id);
    }

    @Test
    void aClientPagingWithTheCursorGetsAMessageDeliveredAfterALaterOneWhichPagingByTimeSkips() {
        String earlier = held();
        String later = held();
        approve(later);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.SKATTEVERKET, MAILBOX + "/" + later)
                .status() == 200);
        var first = api.get(Api.SKATTEVERKET, MAILBOX).json();
        assertThat(first.get("messages").findValuesAsText("messageId")).contains(later).doesNotContain(earlier);
        String cursor = first.get("nextCursor").asText();
        String laterReceivedAt = api.get(Api.SKATTEVERKET, MAILBOX + "/" + later).json().get("receivedAt").asText();

        approve(earlier);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.SKATTEVERKET, MAILBOX + "/" + earlier)
                .status() == 200);

        var next = api.get(Api.SKATTEVERKET, MAILBOX + "?after=" + cursor).json();
        assertThat(next.get("messages").findValuesAsText("messageId")).containsExactly(earlier);
        assertThat(api.get(Api.SKATTEVERKET, MAILBOX + "?after=" + next.get("nextCursor").asText()).json()
                .get("messages")).isEmpty();
        // Received before the later one, delivered after it: a client that went on from the time it had seen
        // misses it.
        assertThat(api.get(Api.SKATTEVERKET, MAILBOX + "?since=" + laterReceivedAt).json().get("messages")
                .findValuesAsText("messageId")).doesNotContain(earlier);

        var bad = api.get(Api.SKATTEVERKET, MAILBOX + "?after=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("PARAMETER_INVALID");
        assertThat(bad.json().get("detail").asText()).startsWith("after:");
    }

    @Test
    void aReviewerReadsTheHeldContentAndEachOpeningIsAudited() {
        byte[] payload = Envelopes.payload();
        var sent = api.sendMessage(Api.POLISEN, Envelopes.falskIdentitet(null), payload);
        String id = sent.json().get("messageId").asText();

        var content = api.get(Api.REVIEWER, "/api/v1/reviews/" + id + "/payload");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.raw().body()).isEqualTo(payload);
        assertThat(content.header("Content-Disposition")).startsWith("attachment");
        assertThat(api.get(Api.SKATTEVERKET, "/api/v1/reviews/" + id + "/payload").status()).isEqualTo(403);
        var opened = api.auditRecord(id, "REVIEW_CONTENT_OPENED");
        assertThat(opened.get("actor").asText()).isEqualTo("demo-reviewer");
        assertThat(opened.toString()).doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER);

        approve(id);
        assertThat(api.get(Api.REVIEWER, "/api/v1/reviews/" + id + "/payload").json().get("code").asText())
                .as("decided: no longer the reviewer's to read").isEqualTo("NOT_IN_REVIEW");
    }

    /**
     * Polisen's investigation material to Migrationsverket is sealed for the recipient (by the gateway, with
     * Polisen's key); with a review added to its agreement, the reviewer sees the metadata only.
     */
    @Test
    void aPayloadSealedForItsRecipientStaysClosedToTheReviewer() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "review-sealed-");
        try (KurirNode node = KurirNode.start(dir, Map.of("kurir.registry.seed", Seeds.demoWithAgreement(dir,
                "polisen-migrationsverket-utredningsunderlag", Map.of("reviewRequired", true))))) {
            var sent = node.api().sendMessage(Api.POLISEN, Envelopes.envelope(null, "2021002163.identitet",
                    "utredningsunderlag", "SFS 2009:400", "10 kap. 27 §", "OWN_INITIATIVE", "brottsbekampning",
                    "SERIOUS"), Envelopes.payload());
            assertThat(sent.json().get("status").asText()).as(sent.body()).isEqualTo("HELD_FOR_REVIEW");
            String id = sent.json().get("messageId").asText();

            var refused = node.api().get(Api.REVIEWER, "/api/v1/reviews/" + id + "/payload");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("code").asText()).isEqualTo("CONTENT_SEALED");
            assertThat(refused.json().get("detail").asText()).startsWith("payload:");
            assertThat(node.api().get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json().findValuesAsText("type"))
                    .contains("PAYLOAD_SEALED").doesNotContain("REVIEW_CONTENT_OPENED");
        }
    }

    @Test
    void outOfRangeLimitIsRefusedNamingTheParameter() {
        var answer = api.get(Api.REVIEWER, "/api/v1/reviews?limit=0");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("PARAMETER_INVALID");
        assertThat(answer.json().get("detail").asText()).startsWith("limit:");
    }

    private void approve(String id) {
        assertThat(api.post(Api.REVIEWER, "/api/v1/reviews/" + id + "/approve",
                "{\"justification\": \"OSL 10 kap. 27 §: the interest of disclosure clearly outweighs\"}").status())
                .isEqualTo(200);
    }

    private String held() {
        var sent = api.sendMessage(Api.POLISEN, Envelopes.falskIdentitet(null), Envelopes.payload());
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.json().get("status").asText()).isEqualTo("HELD_FOR_REVIEW");
        return sent.json().get("messageId").asText();
    }
}
