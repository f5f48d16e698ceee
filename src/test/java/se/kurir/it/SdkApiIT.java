package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.IntegrationTest;

/**
 * Kurir as an SDK message service, against an SDK message client (MK) the test plays from Digg's MT–MK API
 * recommendation (JSON:API at /sdk/v1): Skatteverket sends Försäkringskassan's control mailbox a message with a text
 * and a file, Försäkringskassan lists it as NEW, reads it with its documents, deletes it; Skatteverket sees it
 * ACCEPTED and reads the receipt. A message that breaks the schema or a rule is refused naming each element, and
 * nothing of it is kept.
 */
class SdkApiIT extends IntegrationTest {

    private static final String MESSAGES = "/sdk/v1/sdk/messages";
    private static final byte[] FILE = "Underlag för 19121212-1212, period 2026-10".getBytes(StandardCharsets.UTF_8);

    @Test
    void aMessageTravelsFromOneFunctionalMailboxToAnotherWithItsDocumentsAndAReceipt() {
        String conversation = UUID.randomUUID().toString();
        var sent = api.post(Api.SKATTEVERKET, MESSAGES, document(conversation, "fk-kontroll", conversation));

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode created = sent.json().get("data");
        String id = created.get("id").asText();
        assertThat(created.get("attributes").get("conversationId").asText()).isEqualTo(conversation);
        assertThat(created.get("attributes").get("messageStatus").asText())
                .isIn("WAITING_FOR_RECEIPT", "ACCEPTED");
        assertThat(sent.header("Location")).isEqualTo(MESSAGES + "/" + id);

        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(Api.FORSAKRINGSKASSAN,
                "?filter[recipientAttention.subOrganization.extension]=fk-kontroll").contains(id + "=NEW"));
        assertThat(statuses(Api.SKATTEVERKET, "?filter[messageStatus]=ACCEPTED")).contains(id + "=ACCEPTED");
        assertThat(api.get(Api.FORSAKRINGSKASSAN, MESSAGES).body()).as("a list carries no documents")
                .doesNotContain("digitalDocument");

        var read = api.get(Api.FORSAKRINGSKASSAN, MESSAGES + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        JsonNode attributes = read.json().get("data").get("attributes");
        assertThat(read.json().get("meta").get("version").asText()).isEqualTo("sdk api 1.0.0");
        assertThat(attributes.get("sender").asText()).isEqualTo("0203:skatteverket.se");
        assertThat(attributes.get("recipient").asText()).isEqualTo("0203:forsakringskassan.se");
        assertThat(attributes.get("senderAttention").get("subOrganization").get("extension").asText())
                .isEqualTo("skv-kontroll");
        assertThat(attributes.get("confidentiality").asBoolean()).isTrue();
        assertThat(attributes.get("label").asText()).isEqualTo("Fråga om inkomst");
        JsonNode document = attributes.get("digitalDocument").get(0);
        assertThat(document.get("documentId").asText()).isEqualTo("dok-1");
        assertThat(document.get("contentTextBody").get(0).asText()).isEqualTo("Vilken inkomst gäller för 2026-10?");
        JsonNode file = document.get("contentFiles").get(0);
        assertThat(file.get("fileName").asText()).isEqualTo("underlag.txt");
        assertThat(Base64.getDecoder().decode(file.get("content").asText())).isEqualTo(FILE);
        assertThat(statuses(Api.FORSAKRINGSKASSAN, "")).contains(id + "=RETRIEVED");

        var receipt = api.get(Api.SKATTEVERKET, MESSAGES + "/" + id + "/receipt");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains("<cbc:ResponseCode>ACCEPTED</cbc:ResponseCode>",
                "<cbc:ID>" + id + "</cbc:ID>", "schemeID=\"iso6523-actorid-upis\">0203:forsakringskassan.se<")
                .doesNotContain("19121212", "inkomst");

        assertThat(api.delete(Api.SKATTEVERKET, MESSAGES + "/" + id).json().get("code").asText())
                .isEqualTo("SDK_DELETE_NOT_ALLOWED");
        assertThat(api.delete(Api.FORSAKRINGSKASSAN, MESSAGES + "/" + id).status()).isEqualTo(202);
        assertThat(statuses(Api.FORSAKRINGSKASSAN, "")).doesNotContain(id + "=");
        assertThat(api.get(Api.POLISEN, MESSAGES + "/" + id).status()).as("not Polisen's").isEqualTo(404);
        assertThat(api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + id).json().findValuesAsText("type"))
                .contains("MESSAGE_ACCEPTED", "MESSAGE_DELIVERED", "MESSAGE_FETCHED", "MESSAGE_ACKNOWLEDGED");
    }

    @Test
    void aMessageThatBreaksTheSchemaOrARuleIsRefusedNamingEachElementAndNothingIsKept() {
        String id = UUID.randomUUID().toString();
        var badConversation = api.post(Api.SKATTEVERKET, MESSAGES, document(id, "fk-kontroll", "samtal-42"));
        var badTime = api.post(Api.SKATTEVERKET, MESSAGES, document(UUID.randomUUID().toString(), "fk-kontroll",
                null).replace("\"confidentiality\"", "\"creationDateTime\": \"igår\", \"confidentiality\""));

        assertThat(badConversation.status()).isEqualTo(400);
        assertThat(badConversation.json().get("code").asText()).isEqualTo("SDK_MESSAGE_INVALID");
        JsonNode issue = badConversation.json().get("eventIssues").get(0);
        assertThat(issue.get("typeCode").asText()).isEqualTo("MESSAGE_EXCHANGE_ERROR");
        assertThat(issue.get("title").asText()).isEqualTo("BV invariant");
        assertThat(issue.get("in").asText()).isEqualTo("/messagePayload/message/messageHeader/conversationId");
        assertThat(badConversation.body()).doesNotContain("samtal-42");
        assertThat(badTime.json().get("eventIssues").get(0).get("title").asText()).isEqualTo("SV structure");
        assertThat(badTime.body()).doesNotContain("igår");
        assertThat(api.get(Api.SKATTEVERKET, MESSAGES + "/" + id).status()).isEqualTo(404);
        assertThat(api.get(Api.FORSAKRINGSKASSAN, MESSAGES + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void anUnknownAddressAnotherSenderOrNoAgreementIsRefusedNamingTheField() {
        var unknown = api.post(Api.SKATTEVERKET, MESSAGES, document(null, "fk-finns-inte", null));
        var notMe = api.post(Api.POLISEN, MESSAGES, document(null, "fk-kontroll", null));
        var noAgreement = api.post(Api.SKATTEVERKET, MESSAGES, document(null, "fk-kontroll", null)
                .replace("0203:forsakringskassan.se", "0203:bolagsverket.se"));
        var notJsonApi = api.post(Api.SKATTEVERKET, MESSAGES, "{\"data\": {\"type\": \"brev\"}}");

        assertThat(unknown.json().get("code").asText()).isEqualTo("SDK_RECIPIENT_UNKNOWN");
        assertThat(unknown.json().get("detail").asText()).startsWith("recipientAttention.subOrganization.extension");
        assertThat(notMe.status()).isEqualTo(403);
        assertThat(notMe.json().get("code").asText()).isEqualTo("SDK_SENDER_NOT_CALLER");
        assertThat(noAgreement.json().get("code").asText()).isIn("SDK_RECIPIENT_UNKNOWN", "SDK_AGREEMENT_MISSING");
        assertThat(notJsonApi.json().get("code").asText()).isEqualTo("SDK_DOCUMENT_INVALID");
        assertThat(api.get(Api.SKATTEVERKET, MESSAGES + "?filter[status]=NEW").json().get("code").asText())
                .isEqualTo("SDK_FILTER_INVALID");
    }

    /** A JSON:API messages document as an SDK client writes it, from Skatteverket's control mailbox. */
    private static String document(String messageId, String functionalAddress, String conversationId) {
        return """
                {"data": {"type": "messages", "attributes": {
                  %s%s"confidentiality": true,
                  "label": "Fråga om inkomst",
                  "sender": "0203:skatteverket.se",
                  "recipient": "0203:forsakringskassan.se",
                  "senderAttention": {"subOrganization": {"root": "urn:riv:infrastructure:messaging:functionalAddress",
                                                          "extension": "skv-kontroll"}},
                  "recipientAttention": {"subOrganization": {"root": "urn:riv:infrastructure:messaging:functionalAddress",
                                                             "extension": "%s"}},
                  "digitalDocument": [{"documentId": "dok-1", "documentName": "Fråga",
                    "contentFiles": [{"fileName": "underlag.txt", "contentType": "text/plain", "content": "%s"}],
                    "contentTextBody": ["Vilken inkomst gäller för 2026-10?"]}]}}}
                """.formatted(messageId == null ? "" : "\"messageId\": \"" + messageId + "\", ",
                conversationId == null ? "" : "\"conversationId\": \"" + conversationId + "\", ",
                functionalAddress, Base64.getEncoder().encodeToString(FILE));
    }

    /** The caller's list as id=status entries. */
    private List<String> statuses(String apiKey, String query) {
        List<String> entries = new ArrayList<>();
        for (JsonNode m : api.get(apiKey, MESSAGES + query).json().get("data")) {
            entries.add(m.get("id").asText() + "=" + m.get("attributes").get("messageStatus").asText());
        }
        return entries;
    }
}
