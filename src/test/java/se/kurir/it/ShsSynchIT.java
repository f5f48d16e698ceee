package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.KurirNode;
import se.kurir.support.QueryResponder;
import se.kurir.support.ShsClient;
import se.kurir.support.ShsClient.Mime;

/**
 * A synch SHS message (transfer-type synch) is Kurir's request/reply: Försäkringskassan's SHS client asks
 * Skatteverket's query service for an income and gets the reply as an SHS reply message in the same HTTP exchange,
 * under the same policy and audit as a REST request.
 */
class ShsSynchIT {

    static QueryResponder skatteverket;
    static KurirNode node;

    ShsClient forsakringskassan = new ShsClient(node.port(), Api.FORSAKRINGSKASSAN);

    @BeforeAll
    static void start() throws Exception {
        skatteverket = new QueryResponder();
        node = KurirNode.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "shs-synch-it-"),
                Map.of("kurir.demo.query-url", skatteverket.url(), "kurir.requests.timeout", "1s"));
    }

    @AfterAll
    static void stop() {
        node.close();
        skatteverket.close();
    }

    @Test
    void aJsonQueryIsAnsweredWithAnShsReplyInTheSameExchange() {
        String tx = UUID.randomUUID().toString();
        byte[] query = ("{\"personnummer\":\"" + Envelopes.SYNTHETIC_PERSONNUMMER + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        var answer = send(synchLabel(tx, "urn:X-shs:2021005448"), "application/json", query);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("multipart/mixed");
        List<String[]> parts = answer.parts();
        assertThat(parts.get(0)[1]).contains("corr.id=\"korr-" + tx.substring(0, 8) + "\"",
                "transfer-type=\"synch\"", "sequence-type=\"reply\"", "<from>urn:X-shs:2021005448.kontroll</from>",
                "<to>urn:X-shs:2021005521</to>", "<content content.id=\"innehall-1\">")
                .doesNotContain("tx.id=\"" + tx + "\"");
        assertThat(parts.get(1)[0]).contains("Content-Type: application/json");
        JsonNode reply = Api.parse(parts.get(1)[1]);
        assertThat(reply.get("inkomst").asInt()).isEqualTo(412000);
        assertThat(reply.get("personnummer").asText()).isEqualTo(Envelopes.SYNTHETIC_PERSONNUMMER);

        JsonNode asked = skatteverket.receivedFor(tx).get(0);
        assertThat(asked.get("requester").asText()).isEqualTo("2021005521");
        assertThat(asked.at("/envelope/legalBasis/disclosureMode").asText()).isEqualTo("ON_REQUEST");
        assertThat(asked.at("/envelope/recipient").asText()).isEqualTo("2021005448.kontroll");
        JsonNode audit = node.api().get(Api.AUDITOR, "/api/v1/audit?messageId=" + tx).json();
        assertThat(MessageFlowIT.types(audit, "type")).containsExactly("REQUEST_SENT", "REPLY_RECEIVED");
        assertThat(audit.toString()).doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER);
    }

    @Test
    void anXmlQueryTravelsAsTextAndATextReplyComesBackAsXml() {
        String tx = UUID.randomUUID().toString();
        skatteverket.plan(tx, QueryResponder.Answer.TEXT);
        String xml = "<fraga><personnummer>" + Envelopes.SYNTHETIC_PERSONNUMMER + "</personnummer><ort>Gävle</ort>"
                + "</fraga>";

        var answer = send(synchLabel(tx, "urn:X-shs:2021005448.kontroll"), "text/xml; charset=ISO-8859-1",
                xml.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(skatteverket.receivedFor(tx).get(0).get("query").textValue()).isEqualTo(xml);
        String[] data = answer.parts().get(1);
        assertThat(data[0]).contains("Content-Type: text/xml; charset=UTF-8");
        assertThat(data[1]).isEqualTo("<inkomst>412000</inkomst>");
        assertThat(answer.parts().get(0)[1]).contains("datapartType=\"xml\"");
    }

    @Test
    void requestsThatCannotBeAnsweredGetTheirShsErrorCodes() {
        byte[] query = "{\"personnummer\":\"191212121212\"}".getBytes(StandardCharsets.UTF_8);
        String slow = UUID.randomUUID().toString();
        skatteverket.plan(slow, QueryResponder.Answer.TOO_SLOW);

        var noEndpoint = send(synchLabel(UUID.randomUUID().toString(), "urn:X-shs:2021005448.folkbokforing"),
                "application/json", query);
        var timeout = send(synchLabel(slow, "urn:X-shs:2021005448"), "application/json", query);
        var notJson = send(synchLabel(UUID.randomUUID().toString(), "urn:X-shs:2021005448"), "application/json",
                "personnummer=191212121212".getBytes(StandardCharsets.UTF_8));
        Mime fromSkatteverket = new Mime().label(ShsClient.label(UUID.randomUUID().toString(),
                "urn:X-shs:2021005448", "urn:X-shs:2021005521.kontroll", ShsClient.INKOMSTUPPGIFT)
                .replace("sequence-type=\"event\"", "transfer-type=\"synch\" sequence-type=\"request\""),
                StandardCharsets.ISO_8859_1).data("application/json", "fraga.json", query);
        var noAgreement = new ShsClient(node.port(), Api.SKATTEVERKET).send(fromSkatteverket);

        assertThat(noEndpoint.status()).isEqualTo(400);
        assertThat(Api.parse(noEndpoint.text()).get("shsErrorCode").asText()).isEqualTo("MissingDeliveryExecution");
        assertThat(Api.parse(timeout.text()).get("shsErrorCode").asText()).isEqualTo("OtherError");
        assertThat(Api.parse(timeout.text()).get("code").asText()).isEqualTo("QUERY_TIMEOUT");
        assertThat(Api.parse(notJson.text()).get("shsErrorCode").asText()).isEqualTo("IllegalDatapartContent");
        assertThat(Api.parse(notJson.text()).get("detail").asText()).startsWith("data part:")
                .doesNotContain("191212121212");
        assertThat(noAgreement.status()).as("the data flows from the answerer: Skatteverket may not ask")
                .isEqualTo(400);
        assertThat(noAgreement.header("X-shs-errorcode")).isEqualTo("MissingAgreement");
        assertThat(skatteverket.receivedFor(slow)).hasSize(1);
    }

    private ShsClient.Fetched send(String label, String contentType, byte[] query) {
        Mime message = new Mime().label(label, StandardCharsets.ISO_8859_1)
                .part("Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: binary", query);
        return forsakringskassan.exchange("/shs/rs", "multipart/mixed; boundary=\"" + message.boundary() + "\"",
                message.closed());
    }

    private static String synchLabel(String tx, String to) {
        return ShsClient.label(tx, "urn:X-shs:2021005521", to, ShsClient.INKOMSTUPPGIFT)
                .replace("sequence-type=\"event\"", "transfer-type=\"synch\" sequence-type=\"request\"");
    }
}
