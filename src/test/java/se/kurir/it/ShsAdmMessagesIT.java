package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Confirm and error messages, the SHS sender's view of what became of its message: they wait in the outbox its
 * label named, are listed, fetched and acknowledged like any message there, and carry the corr.id and content.id of
 * the message they answer with from and to swapped.
 */
class ShsAdmMessagesIT extends IntegrationTest {

    private static final String SKV_OUTBOX = "/shs/ds/urn:X-shs:2021005448.kontroll";
    private static final String FK_OUTBOX = "/shs/ds/urn:X-shs:2021005521.kontroll";
    private static final String POLISEN_OUTBOX = "/shs/ds/urn:X-shs:2021000076";

    private ShsClient skatteverket;
    private ShsClient forsakringskassan;
    private ShsClient polisen;

    @BeforeEach
    void clients() {
        skatteverket = new ShsClient(port(), Api.SKATTEVERKET);
        forsakringskassan = new ShsClient(port(), Api.FORSAKRINGSKASSAN);
        polisen = new ShsClient(port(), Api.POLISEN);
    }

    @Test
    void theRecipientsAcknowledgementSendsAConfirmToTheSendersOutbox() {
        String tx = UUID.randomUUID().toString();
        String corr = "korr-" + tx.substring(0, 8);
        String label = ShsClient.label(tx, "urn:X-shs:2021005448.kontroll", "urn:X-shs:2021005521.kontroll",
                ShsClient.INKOMSTUPPGIFT);
        assertThat(skatteverket.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", Envelopes.payload())).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> forsakringskassan.get(FK_OUTBOX + "/" + tx).status()
                == 200);
        assertThat(entries(skatteverket, SKV_OUTBOX + "?corrid=" + corr)).as("no confirm before the ack").isEmpty();

        assertThat(forsakringskassan.post(FK_OUTBOX + "/" + tx + "?action=ack", null, new byte[0]).status())
                .isEqualTo(200);

        List<String> confirms = entries(skatteverket, SKV_OUTBOX + "?corrid=" + corr + "&producttype=confirm");
        assertThat(confirms).hasSize(1);
        String entry = confirms.get(0);
        assertThat(entry).contains("corr.id=\"" + corr + "\"", "content.id=\"innehall-1\"",
                "sequence-type=\"adm\"", "acknowledged=\"no\"", "<from>urn:X-shs:2021005521.kontroll</from>",
                "<to>urn:X-shs:2021005448.kontroll</to>", "<product>confirm</product>");
        String confirmTx = txIdOf(entry);
        assertThat(confirmTx).isNotEqualTo(tx);
        assertThat(entries(skatteverket, "/shs/ds/urn:X-shs:2021005448?corrid=" + corr))
                .as("the organisation's outbox holds what its mailboxes hold").hasSize(1);

        var fetched = skatteverket.get(SKV_OUTBOX + "/" + confirmTx);
        assertThat(fetched.status()).isEqualTo(200);
        List<String[]> parts = fetched.parts();
        assertThat(parts.get(0)[1]).contains("tx.id=\"" + confirmTx + "\"", "corr.id=\"" + corr + "\"",
                "sequence-type=\"adm\"", "<product>confirm</product>", "<to>urn:X-shs:2021005448.kontroll</to>",
                "<content content.id=\"innehall-1\">");
        assertThat(parts.get(1)[1]).contains("<shs.management corr.id=\"" + corr + "\" content.id=\"innehall-1\">",
                "<confirmation/>");
        assertThat(parts.get(1)[1]).doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER);

        assertThat(skatteverket.post(SKV_OUTBOX + "/" + confirmTx + "?action=ack", null, new byte[0]).status())
                .isEqualTo(200);
        assertThat(entries(skatteverket, SKV_OUTBOX + "?corrid=" + corr)).singleElement().asString()
                .contains("acknowledged=\"yes\"");
        assertThat(entries(skatteverket, SKV_OUTBOX + "?corrid=" + corr + "&filter=noack")).isEmpty();
        assertThat(forsakringskassan.get(FK_OUTBOX + "/" + confirmTx).status())
                .as("the confirm is the sender's, not the recipient's").isEqualTo(404);
    }

    @Test
    void anAgreementThatAsksNoConfirmationGetsNone() {
        String tx = UUID.randomUUID().toString();
        String corr = "manad-" + tx.substring(0, 8);
        String label = ShsClient.label(tx, "urn:X-shs:2021005521.kontroll", "urn:X-shs:2021005448.filmottagning",
                ShsClient.MANADSFIL).replace("korr-" + tx.substring(0, 8), corr);
        assertThat(forsakringskassan.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("text/csv", "manad.csv", "period;belopp\n2026-11;1200\n".getBytes(StandardCharsets.UTF_8)))
                .status()).isEqualTo(202);
        String inbox = "/shs/ds/urn:X-shs:2021005448.filmottagning/" + tx;
        await().atMost(Duration.ofSeconds(10)).until(() -> skatteverket.get(inbox).status() == 200);

        assertThat(skatteverket.post(inbox + "?action=ack", null, new byte[0]).status()).isEqualTo(200);

        assertThat(entries(forsakringskassan, FK_OUTBOX + "?corrid=" + corr)).isEmpty();
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/api/v1/messages/" + tx + "/receipts").body())
                .as("the REST receipt is there all the same").contains("ACKNOWLEDGED");
    }

    @Test
    void aDenialInReviewBecomesAnErrorMessageInTheSendersOrganisationOutbox() {
        String tx = UUID.randomUUID().toString();
        String corr = "rapport-" + tx.substring(0, 8);
        String label = ShsClient.label(tx, "urn:X-shs:2021000076", "urn:X-shs:2021005448",
                ShsClient.FALSK_IDENTITET).replace("korr-" + tx.substring(0, 8), corr);
        var sent = polisen.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("application/json", "rapport.json", Envelopes.payload()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(Api.REVIEWER, "/api/v1/reviews").json()
                .findValuesAsText("messageId").contains(tx));

        assertThat(api.post(Api.REVIEWER, "/api/v1/reviews/" + tx + "/deny",
                "{\"justification\": \"uppgiften omfattas av sekretess\"}").status()).isEqualTo(200);

        List<String> errors = entries(polisen, POLISEN_OUTBOX + "?corrid=" + corr + "&producttype=error");
        assertThat(errors).singleElement().asString().contains("sequence-type=\"adm\"", "<product>error</product>",
                "<from>urn:X-shs:2021005448.folkbokforing</from>", "<to>urn:X-shs:2021000076</to>");
        var fetched = polisen.get(POLISEN_OUTBOX + "/" + txIdOf(errors.get(0)));
        assertThat(fetched.status()).isEqualTo(200);
        String management = fetched.parts().get(1)[1];
        assertThat(management).contains("<shs.management corr.id=\"" + corr + "\"", "<errorcode>OtherError</errorcode>",
                "<errorinfo>REVIEW_DENIED: ");
        assertThat(management).as("no payload and no justification in it")
                .doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER, "omfattas av sekretess");
        assertThat(entries(polisen, POLISEN_OUTBOX + "?corrid=" + corr + "&producttype=confirm")).isEmpty();
    }

    @Test
    void aLabelWithoutToGoesToEveryMailboxTheAgreementsNameWithTheSameCorrId() {
        String tx = UUID.randomUUID().toString();
        String corr = "alla-" + tx.substring(0, 8);
        String label = ShsClient.label(tx, "urn:X-shs:2021000076", "-", ShsClient.FALSK_IDENTITET)
                .replace("<to>-</to>\r\n", "").replace("korr-" + tx.substring(0, 8), corr);
        Mime message = new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("application/json", "rapport.json", Envelopes.payload());

        var sent = polisen.send(message);
        var again = polisen.send(message);

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        List<String> ids = List.of(sent.header("X-shs-localid").split(","));
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(again.header("X-shs-duplicatemsg")).isEqualTo("yes");
        assertThat(again.header("X-shs-localid")).isEqualTo(sent.header("X-shs-localid"));
        for (String id : ids) {
            assertThat(api.post(Api.REVIEWER, "/api/v1/reviews/" + id + "/approve",
                    "{\"justification\": \"OSL 10 kap. 27 §\"}").status()).isEqualTo(200);
        }
        ShsClient migrationsverket = new ShsClient(port(), Api.MIGRATIONSVERKET);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(entries(skatteverket, "/shs/ds/urn:X-shs:2021005448.folkbokforing?corrid=" + corr))
                    .singleElement().asString().contains("<from>urn:X-shs:2021000076</from>");
            assertThat(entries(migrationsverket, "/shs/ds/urn:X-shs:2021002163.identitet?corrid=" + corr))
                    .singleElement().asString().contains("<to>urn:X-shs:2021002163.identitet</to>");
        });
    }

    @Test
    void aMessageIsFetchedAndAcknowledgedThroughItsOrganisationsOutbox() {
        String tx = UUID.randomUUID().toString();
        assertThat(skatteverket.send(new Mime().label(ShsClient.label(tx), StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", Envelopes.payload())).status()).isEqualTo(202);
        String organisation = "/shs/ds/urn:X-shs:2021005521";
        await().atMost(Duration.ofSeconds(10)).until(() -> forsakringskassan.get(organisation + "/" + tx).status()
                == 200);

        assertThat(entries(forsakringskassan, organisation + "?corrid=korr-" + tx.substring(0, 8))).singleElement()
                .asString().contains("<to>urn:X-shs:2021005521.kontroll</to>");
        assertThat(forsakringskassan.post(organisation + "/" + tx + "?action=ack", null, new byte[0]).status())
                .isEqualTo(200);
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/api/v1/mailboxes/2021005521.kontroll/messages/" + tx).json()
                .get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(skatteverket.get("/shs/ds/urn:X-shs:2021005448/" + tx).status())
                .as("the sender's organisation outbox does not hold what it sent").isEqualTo(404);
    }

    @Test
    void anErrorFromTheRecipientQuarantinesWhatItHasNotFetchedAndReachesTheSenderWithoutItsWords() {
        String tx1 = UUID.randomUUID().toString();
        String tx2 = UUID.randomUUID().toString();
        String corr = "fel-" + tx1.substring(0, 8);
        for (String tx : List.of(tx1, tx2)) {
            String label = ShsClient.label(tx, "urn:X-shs:2021005448.kontroll", "urn:X-shs:2021005521.kontroll",
                    ShsClient.INKOMSTUPPGIFT).replace("korr-" + tx.substring(0, 8), corr);
            assertThat(skatteverket.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                    .data("application/json", "inkomst.json", Envelopes.payload())).status()).isEqualTo(202);
            // Fetched: the recipient has read these two.
            await().atMost(Duration.ofSeconds(10)).until(() -> forsakringskassan.get(FK_OUTBOX + "/" + tx)
                    .status() == 200);
        }
        String tx3 = UUID.randomUUID().toString(); // the third of the exchange waits unfetched
        String label3 = ShsClient.label(tx3, "urn:X-shs:2021005448.kontroll", "urn:X-shs:2021005521.kontroll",
                ShsClient.INKOMSTUPPGIFT).replace("korr-" + tx3.substring(0, 8), corr);
        assertThat(skatteverket.send(new Mime().label(label3, StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", Envelopes.payload())).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(tx3).equals("DELIVERED"));

        var answer = forsakringskassan.send(adm(corr, "error", "<error><errorcode>IllegalDatapartContent</errorcode>"
                + "<errorinfo>personnummer " + Envelopes.SYNTHETIC_PERSONNUMMER + " saknas</errorinfo></error>"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.header("X-shs-localid").split(",")).containsExactlyInAnyOrder(tx1, tx2, tx3);
        assertThat(state(tx1)).isEqualTo("FETCHED");
        assertThat(api.get(Api.FORSAKRINGSKASSAN, "/api/v1/mailboxes/2021005521.kontroll/messages/" + tx3).status())
                .as("quarantined: out of the recipient's mailbox").isEqualTo(404);
        assertThat(entries(forsakringskassan, FK_OUTBOX + "?corrid=" + corr)).hasSize(2);
        assertThat(api.get(Api.SKATTEVERKET, "/api/v1/messages/" + tx3 + "/receipts").json().get("receipts")
                .findValuesAsText("type")).contains("QUARANTINED", "RECIPIENT_ERROR");

        List<String> errors = entries(skatteverket, SKV_OUTBOX + "?corrid=" + corr + "&producttype=error");
        assertThat(errors).hasSize(3);
        String management = skatteverket.get(SKV_OUTBOX + "/" + txIdOf(errors.get(0))).parts().get(1)[1];
        assertThat(management).contains("<errorcode>IllegalDatapartContent</errorcode>", "RECIPIENT_ERROR")
                .doesNotContain(Envelopes.SYNTHETIC_PERSONNUMMER, "saknas");
        var audit = api.get(Api.AUDITOR, "/api/v1/audit?messageId=" + tx3).json();
        assertThat(audit.findValuesAsText("type")).contains("RECIPIENT_ERROR_REPORTED");
        assertThat(audit.toString()).doesNotContain("saknas");
    }

    @Test
    void aConfirmFromTheRecipientAcknowledgesAndABrokenOrUnrelatedOneIsRefused() {
        String tx = UUID.randomUUID().toString();
        String corr = "kvitto-" + tx.substring(0, 8);
        String label = ShsClient.label(tx, "urn:X-shs:2021005448.kontroll", "urn:X-shs:2021005521.kontroll",
                ShsClient.INKOMSTUPPGIFT).replace("korr-" + tx.substring(0, 8), corr);
        assertThat(skatteverket.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", Envelopes.payload())).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(tx).equals("DELIVERED"));

        assertThat(forsakringskassan.send(adm(corr, "confirm", "<confirmation/>")).status()).isEqualTo(202);
        assertThat(state(tx)).isEqualTo("ACKNOWLEDGED");

        var unrelated = forsakringskassan.send(adm("ingen-" + corr, "error",
                "<error><errorcode>OtherError</errorcode></error>"));
        assertThat(unrelated.status()).isEqualTo(400);
        assertThat(unrelated.code()).isEqualTo("SHS_ADM_UNRELATED");
        var unknownCode = forsakringskassan.send(adm(corr, "error", "<error><errorcode>Trasigt</errorcode></error>"));
        assertThat(unknownCode.header("X-shs-errorcode")).isEqualTo("IllegalDatapartContent");
        assertThat(unknownCode.code()).isEqualTo("SHS_MANAGEMENT_INVALID");
        var entity = forsakringskassan.send(adm(corr, "error", "<!DOCTYPE shs.management [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]>", "<error><errorcode>&x;</errorcode></error>"));
        assertThat(entity.code()).isEqualTo("SHS_MANAGEMENT_INVALID");
        assertThat(state(tx)).isEqualTo("ACKNOWLEDGED");
    }

    /** A confirm or error message from Försäkringskassan's control mailbox back to Skatteverket. */
    private static Mime adm(String corr, String product, String managementBody) {
        return adm(corr, product, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", managementBody);
    }

    private static Mime adm(String corr, String product, String prolog, String managementBody) {
        String label = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n"
                + "<shs.label tx.id=\"" + UUID.randomUUID() + "\" corr.id=\"" + corr + "\" sequence-type=\"adm\">\r\n"
                + "<from>urn:X-shs:2021005521.kontroll</from><to>urn:X-shs:2021005448.kontroll</to>\r\n"
                + "<product>urn:X-shs:" + product + "</product>\r\n"
                + "<content content.id=\"innehall-1\"><data datapartType=\"xml\"/></content></shs.label>";
        String management = prolog + "<shs.management corr.id=\"" + corr + "\" content.id=\"innehall-1\">"
                + managementBody + "</shs.management>";
        return new Mime().label(label, StandardCharsets.ISO_8859_1).part("Content-Type: text/xml; charset=ISO-8859-1",
                management.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The message's state as its recipient sees it. */
    private String state(String tx) {
        return api.get(Api.FORSAKRINGSKASSAN, "/api/v1/mailboxes/2021005521.kontroll/messages/" + tx).json()
                .get("state").asText();
    }

    @Test
    void anotherOrganisationsOutboxIsRefused() {
        var list = forsakringskassan.get(POLISEN_OUTBOX);
        var fetch = forsakringskassan.get(POLISEN_OUTBOX + "/" + UUID.randomUUID());

        assertThat(List.of(list.status(), fetch.status())).containsOnly(403);
    }

    private static List<String> entries(ShsClient client, String path) {
        var listing = client.get(path);
        assertThat(listing.status()).as(listing.text()).isEqualTo(200);
        Matcher m = Pattern.compile("<message .*?</message>").matcher(listing.text());
        return m.results().map(r -> r.group()).toList();
    }

    private static String txIdOf(String entry) {
        Matcher m = Pattern.compile("tx.id=\"([^\"]+)\"").matcher(entry);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
