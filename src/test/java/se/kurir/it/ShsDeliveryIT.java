package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;
import se.kurir.support.ShsClient;
import se.kurir.support.ShsClient.Mime;

/**
 * The SHS delivery service against an SHS client the test plays: the message list and its filters, a message
 * fetched as MIME with its label, the acknowledgement, and an outbox that is not the caller's refused.
 */
class ShsDeliveryIT extends IntegrationTest {

    private static final String OUTBOX = "/shs/ds/urn:X-shs:2021005521.kontroll";
    private static final String FK_MAILBOX = "/api/v1/mailboxes/2021005521.kontroll/messages/";

    private ShsClient skatteverket;
    private ShsClient forsakringskassan;

    @BeforeEach
    void clients() {
        skatteverket = new ShsClient(port(), Api.SKATTEVERKET);
        forsakringskassan = new ShsClient(port(), Api.FORSAKRINGSKASSAN);
    }

    @Test
    void anShsMessageIsListedFetchedAsMimeWithItsLabelAndAcknowledged() {
        String tx = UUID.randomUUID().toString();
        byte[] payload = Envelopes.payload();
        String label = ShsClient.label(tx).replace("inkomst.json", "inkomst_åäö.json")
                .replace("<subject>Inkomstuppgift</subject>", "<subject>Inkomst för Örebro</subject>")
                .replace("<datetime>", "<meta name=\"period\">2026-11</meta><datetime>");
        assertThat(skatteverket.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst_åäö.json", payload)).status()).isEqualTo(202);
        awaitDelivered(tx);

        String entry = entryOf(forsakringskassan.get(OUTBOX + "?corrid=korr-" + tx.substring(0, 8)), tx);
        assertThat(entry).contains("corr.id=\"korr-" + tx.substring(0, 8) + "\"", "content.id=\"innehall-1\"",
                "size=\"" + payload.length + "\"", "acknowledged=\"no\"",
                "<from>urn:X-shs:2021005448</from>", "<to>urn:X-shs:2021005521.kontroll</to>",
                "<product>urn:X-shs:" + ShsClient.INKOMSTUPPGIFT + "</product>");

        var fetched = forsakringskassan.get(OUTBOX + "/" + tx);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.contentType()).startsWith("multipart/mixed");
        List<String[]> parts = fetched.parts();
        assertThat(parts).hasSize(2);
        String writtenLabel = parts.get(0)[1];
        assertThat(parts.get(0)[0]).containsIgnoringCase("text/xml; charset=ISO-8859-1");
        assertThat(writtenLabel).contains("encoding=\"ISO-8859-1\"", "tx.id=\"" + tx + "\"",
                "<content content.id=\"innehall-1\">", "filename=\"inkomst_åäö.json\"",
                "<subject>Inkomst för Örebro</subject>", "<meta name=\"period\">2026-11</meta>",
                "<datetime>2026-12-03T10:15:30+01:00</datetime>", "no-of-bytes=\"" + payload.length + "\"");
        assertThat(parts.get(1)[0]).contains("Content-Type: application/json", "Content-Transfer-Encoding: binary",
                "filename*=UTF-8''inkomst_%C3%A5%C3%A4%C3%B6.json");
        assertThat(parts.get(1)[1].getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(payload);
        assertThat(state(tx)).isEqualTo("FETCHED");

        var ack = forsakringskassan.post(OUTBOX + "/" + tx + "?action=ack", null, new byte[0]);
        assertThat(ack.status()).isEqualTo(200);
        assertThat(state(tx)).isEqualTo("ACKNOWLEDGED");
        assertThat(forsakringskassan.get(OUTBOX + "?filter=noack&maxhits=1000").text()).doesNotContain(tx);
        assertThat(entryOf(forsakringskassan.get(OUTBOX + "?maxhits=1000"), tx)).contains("acknowledged=\"yes\"");
    }

    @Test
    void severalDataPartsTravelInLabelOrderAndComeBackByteForByte() {
        String tx = UUID.randomUUID().toString();
        byte[] json = Envelopes.payload();
        byte[] xml = "<bilaga><ort>Östersund</ort></bilaga>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        String label = ShsClient.label(tx).replace("<data datapartType=\"json\" filename=\"inkomst.json\"/>",
                "<data datapartType=\"json\" filename=\"inkomst.json\"/>\r\n"
                        + "<data datapartType=\"xml\" filename=\"bilaga_ö.xml\" no-of-records=\"1\"/>\r\n"
                        + "<data datapartType=\"binary\"/>");
        var sent = skatteverket.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", json)
                .base64Data("text/xml; charset=ISO-8859-1", xml)
                .data("application/pdf", "intyg.pdf", binary));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        awaitDelivered(tx);

        var fetched = forsakringskassan.get(OUTBOX + "/" + tx);
        List<String[]> parts = fetched.parts();
        assertThat(parts).hasSize(4);
        assertThat(parts.get(0)[1]).contains("filename=\"inkomst.json\" no-of-bytes=\"" + json.length + "\"",
                "datapartType=\"xml\" filename=\"bilaga_ö.xml\" no-of-bytes=\"" + xml.length
                        + "\" no-of-records=\"1\"",
                "datapartType=\"binary\" no-of-bytes=\"" + binary.length + "\"");
        assertThat(parts.get(1)[0]).contains("Content-Type: application/json");
        assertThat(parts.get(1)[1].getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(json);
        assertThat(parts.get(2)[0]).contains("Content-Type: text/xml; charset=ISO-8859-1",
                "Content-Transfer-Encoding: binary", "filename*=UTF-8''bilaga_%C3%B6.xml");
        assertThat(parts.get(2)[1].getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(xml);
        assertThat(parts.get(3)[0]).contains("Content-Type: application/pdf");
        assertThat(parts.get(3)[1].getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(binary);
        assertThat(state(tx)).isEqualTo("FETCHED");

        // Over REST the recipient fetches the parts as one multipart/mixed document.
        var rest = api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + tx + "/payload");
        assertThat(rest.header("Content-Type")).startsWith("multipart/mixed");
        assertThat(new String(rest.raw().body(), StandardCharsets.ISO_8859_1)).contains("Östersund");
    }

    @Test
    void dataPartsThatAreNotTheOnesTheLabelDeclaresAreRefusedAndNothingIsKept() {
        String tx = UUID.randomUUID().toString();
        String twoDeclared = ShsClient.label(tx).replace("<data datapartType=\"json\" filename=\"inkomst.json\"/>",
                "<data datapartType=\"json\"/><data datapartType=\"json\"/>");

        var oneSent = skatteverket.send(new Mime().label(twoDeclared, StandardCharsets.ISO_8859_1)
                .data("application/json", "a.json", Envelopes.payload()));
        var threeSent = skatteverket.send(new Mime().label(twoDeclared, StandardCharsets.ISO_8859_1)
                .data("application/json", "a.json", Envelopes.payload())
                .data("application/json", "b.json", Envelopes.payload())
                .data("application/json", "c.json", Envelopes.payload()));

        for (var answer : List.of(oneSent, threeSent)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("X-shs-errorcode")).isEqualTo("IllegalMessageStructure");
            assertThat(answer.code()).isEqualTo("SHS_DATA_PARTS_MISMATCH");
        }
        assertThat(Api.parse(oneSent.body()).get("detail").asText()).contains("declares 2 data parts");
        assertThat(api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + tx).status()).isEqualTo(404);
    }

    @Test
    void aMessageSentOverRestIsServedWithTheLabelSHSWouldHaveGivenIt() {
        String id = UUID.randomUUID().toString();
        assertThat(api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(id), Envelopes.payload()).status())
                .isEqualTo(202);
        awaitDelivered(id);

        String label = forsakringskassan.get(OUTBOX + "/" + id).parts().get(0)[1];

        assertThat(label).contains("tx.id=\"" + id + "\"", "<originator>urn:X-shs:2021005448</originator>",
                "<product commonName=\"inkomstuppgift\">urn:X-shs:" + ShsClient.INKOMSTUPPGIFT + "</product>",
                "<to>urn:X-shs:2021005521.kontroll</to>");
    }

    @Test
    void theListFiltersNarrowAndOrderWhatIsListed() {
        String corr = "serie-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String tx = UUID.randomUUID().toString();
            String label = ShsClient.label(tx).replace("korr-" + tx.substring(0, 8), corr)
                    .replace("innehall-1", "innehall-" + i)
                    .replace("status=\"production\"", i == 2 ? "status=\"test\"" : "status=\"production\"");
            assertThat(skatteverket.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                    .data("application/json", "inkomst.json", Envelopes.payload())).status()).isEqualTo(202);
            sent.add(tx);
            awaitDelivered(tx);
        }

        assertThat(txIds(OUTBOX + "?corrid=" + corr)).containsExactlyElementsOf(sent);
        assertThat(txIds(OUTBOX + "?corrid=" + corr + "&sortattribute=timestamp&sortorder=descending"))
                .containsExactly(sent.get(2), sent.get(1), sent.get(0));
        assertThat(txIds(OUTBOX + "?corrid=" + corr + "&maxhits=2")).containsExactlyElementsOf(sent.subList(0, 2));
        assertThat(txIds(OUTBOX + "?corrid=" + corr + "&contentid=innehall-1")).containsExactly(sent.get(1));
        assertThat(txIds(OUTBOX + "?corrid=" + corr + "&status=test")).containsExactly(sent.get(2));
        assertThat(txIds(OUTBOX + "?corrid=" + corr + "&producttype=urn:X-shs:" + ShsClient.INKOMSTUPPGIFT
                + "&originator=urn:X-shs:2021005448")).containsExactlyElementsOf(sent);
        assertThat(txIds(OUTBOX + "?corrid=" + corr + "&originator=urn:X-shs:2021005521")).isEmpty();
        assertThat(txIds(OUTBOX + "?corrid=" + corr + "&since=2099-01-01")).isEmpty();

        var unknownType = forsakringskassan.get(OUTBOX + "?producttype=" + UUID.randomUUID());
        assertThat(unknownType.status()).isEqualTo(400);
        var badHits = forsakringskassan.get(OUTBOX + "?maxhits=0");
        assertThat(badHits.status()).isEqualTo(400);
        assertThat(Api.parse(badHits.text()).get("detail").asText()).startsWith("maxhits:");
    }

    @Test
    void anotherParticipantsOutboxIsRefusedAndTheAttemptAudited() {
        String tx = UUID.randomUUID().toString();
        assertThat(skatteverket.send(new Mime().label(ShsClient.label(tx), StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", Envelopes.payload())).status()).isEqualTo(202);
        awaitDelivered(tx);

        var list = skatteverket.get(OUTBOX);
        var fetch = skatteverket.get(OUTBOX + "/" + tx);
        var ack = skatteverket.post(OUTBOX + "/" + tx + "?action=ack", null, new byte[0]);

        assertThat(List.of(list.status(), fetch.status(), ack.status())).containsOnly(403);
        assertThat(fetch.text()).doesNotContain("personnummer");
        assertThat(state(tx)).isEqualTo("DELIVERED");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(api.get(Api.AUDITOR,
                "/api/v1/audit?participant=2021005448&limit=5000").json().findValuesAsText("type"))
                .contains("MAILBOX_ACCESS_DENIED"));
    }

    private List<String> txIds(String path) {
        var listing = forsakringskassan.get(path);
        assertThat(listing.status()).as(listing.text()).isEqualTo(200);
        assertThat(listing.contentType()).startsWith("text/xml");
        Matcher m = Pattern.compile("<message tx.id=\"([^\"]+)\"").matcher(listing.text());
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String entryOf(ShsClient.Fetched listing, String tx) {
        assertThat(listing.status()).as(listing.text()).isEqualTo(200);
        Matcher m = Pattern.compile("<message tx.id=\"" + tx + "\".*?</message>").matcher(listing.text());
        assertThat(m.find()).as(tx + " in " + listing.text()).isTrue();
        return m.group();
    }

    private void awaitDelivered(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + id)
                .status() == 200);
    }

    private String state(String id) {
        return api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + id).json().get("state").asText();
    }
}
