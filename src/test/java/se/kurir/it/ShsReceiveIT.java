package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;
import se.kurir.support.ShsClient;
import se.kurir.support.ShsClient.Mime;
import se.kurir.support.StoredPayloads;

/**
 * The SHS receive service against an SHS client the test plays: real MIME over real HTTP, the label variants real
 * traffic has, and the answers and error codes SHS clients branch on. What it accepts is an ordinary Kurir message
 * in the recipient's mailbox; what it refuses is audited and leaves nothing behind.
 */
class ShsReceiveIT extends IntegrationTest {

    private static final String FK_MAILBOX = "/api/v1/mailboxes/2021005521.kontroll/messages/";

    @Value("${kurir.payload.directory}")
    Path payloadDirectory;

    @Autowired
    JdbcTemplate jdbc;

    private ShsClient skatteverket;

    @BeforeEach
    void client() {
        skatteverket = new ShsClient(port(), Api.SKATTEVERKET);
    }

    @Test
    void aLatin1LabelWithWrappedValuesBecomesAMessageInTheMailboxItAddresses() {
        String tx = UUID.randomUUID().toString();
        // Hard-wrapped as old clients write it: inside the tx.id value, inside a start tag and inside an address.
        String label = ShsClient.label(tx)
                .replace("tx.id=\"" + tx.substring(0, 19), "tx.id=\"" + tx.substring(0, 19) + "\r\n   ")
                .replace(" sequence-type=", "\r\n     sequence-type=")
                .replace("<to>urn:X-shs:2021005521.kontroll</to>", "<to>urn:X-shs:\r\n 2021005521.kontroll</to>")
                .replace("<subject>Inkomstuppgift</subject>", "<subject>Inkomstuppgift för Östersund</subject>")
                .replace("inkomst.json", "inkomst_åäö.json")
                .replace("<datetime>", "<meta name=\"period\">2026-11</meta><datetime>");
        byte[] payload = Envelopes.payload();

        var answer = skatteverket.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst_åäö.json", payload));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo(tx);
        assertThat(answer.header("X-shs-txid")).isEqualTo(tx);
        assertThat(answer.header("X-shs-corrid")).isEqualTo("korr-" + tx.substring(0, 8));
        assertThat(answer.header("X-shs-contentid")).isEqualTo("innehall-1");
        assertThat(answer.header("X-shs-nodeid")).isEqualTo("kurir");
        assertThat(answer.header("X-shs-localid")).isEqualTo(tx);
        assertThat(OffsetDateTime.parse(answer.header("X-shs-arrivaldate")).toInstant())
                .isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(answer.header("X-shs-duplicatemsg")).isEqualTo("no");

        JsonNode message = awaitInMailbox(tx);
        JsonNode envelope = message.get("envelope");
        assertThat(message.get("sender").asText()).isEqualTo("2021005448");
        assertThat(envelope.get("product").asText()).isEqualTo("inkomstuppgift");
        assertThat(envelope.get("correlationId").asText()).isEqualTo("korr-" + tx.substring(0, 8));
        assertThat(envelope.get("subject").asText()).isEqualTo("Inkomstuppgift för Östersund");
        // The legal basis an SHS client cannot tag comes from the agreement's SHS terms.
        assertThat(envelope.at("/legalBasis/statute").asText()).isEqualTo("SFS 2009:400");
        assertThat(envelope.at("/legalBasis/disclosureMode").asText()).isEqualTo("OWN_INITIATIVE");
        assertThat(envelope.at("/legalBasis/controller").asText()).isEqualTo("2021005448");
        JsonNode metadata = envelope.get("metadata");
        assertThat(metadata.get("shs.filename").asText()).isEqualTo("inkomst_åäö.json");
        assertThat(metadata.get("shs.content-id").asText()).isEqualTo("innehall-1");
        assertThat(metadata.get("shs.meta.period").asText()).isEqualTo("2026-11");
        assertThat(metadata.get("shs.datetime").asText()).isEqualTo("2026-12-03T10:15:30+01:00");
        assertThat(metadata.get("shs.product").asText()).isEqualTo(ShsClient.INKOMSTUPPGIFT);

        var fetched = api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + tx + "/payload");
        assertThat(fetched.raw().body()).isEqualTo(payload);
        assertThat(api.auditRecord(tx, "MESSAGE_ACCEPTED").get("details").asText()).contains("SHS");
    }

    @Test
    void theSameTransferSentAgainIsADuplicateNotASecondMessage() {
        String tx = UUID.randomUUID().toString();
        Mime message = new Mime().label(ShsClient.label(tx), StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", Envelopes.payload());

        assertThat(skatteverket.send(message).header("X-shs-duplicatemsg")).isEqualTo("no");
        var again = skatteverket.send(message);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("X-shs-duplicatemsg")).isEqualTo("yes");
        assertThat(again.header("X-shs-txid")).isEqualTo(tx);
        awaitInMailbox(tx);
        JsonNode listing = api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX.replaceAll("/$", "") + "?limit=1000").json();
        assertThat(listing.get("messages").findValuesAsText("messageId")).containsOnlyOnce(tx);
    }

    @Test
    void aMessageRfc822WrapperAndABase64DataPartAndAUtf8LabelAreReadAsMeant() {
        String tx = UUID.randomUUID().toString();
        byte[] payload = Envelopes.payload();
        String label = ShsClient.label(tx).replace("encoding=\"ISO-8859-1\"", "encoding=\"UTF-8\"")
                .replace("<subject>Inkomstuppgift</subject>", "<subject>Årsbesked</subject>");
        Mime mime = new Mime().label(label, StandardCharsets.UTF_8).base64Data("application/json", payload);
        byte[] wrapped = concat(("MIME-Version: 1.0\r\nContent-Type: multipart/mixed;\r\n boundary=\""
                + mime.boundary() + "\"\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), mime.closed());

        var answer = skatteverket.post("/shs/rs", "message/rfc822", wrapped);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(awaitInMailbox(tx).at("/envelope/subject").asText()).isEqualTo("Årsbesked");
        assertThat(api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + tx + "/payload").raw().body()).isEqualTo(payload);
    }

    @Test
    void aTruncatedMessageIsAnIllegalMessageStructureAndNothingOfItIsKept() {
        for (int size : new int[] {2_000, 300_000}) { // kept in memory, and spilled to a file
            String tx = UUID.randomUUID().toString();
            byte[] payload = marked(size);
            Mime mime = new Mime().label(ShsClient.label(tx), StandardCharsets.ISO_8859_1)
                    .data("application/json", "inkomst.json", payload);

            var answer = skatteverket.post("/shs/rs", "multipart/mixed; boundary=" + mime.boundary(),
                    mime.truncated(100));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.header("X-shs-errorcode")).isEqualTo("IllegalMessageStructure");
            assertThat(answer.code()).isEqualTo("SHS_MESSAGE_MALFORMED");
            assertThat(api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + tx).status()).isEqualTo(404);
            assertThat(new StoredPayloads(payloadDirectory, jdbc).placesContaining(marker(payload)))
                    .as("what the truncated message carried, anywhere in the store").isEmpty();
        }
    }

    @Test
    void eachRefusalNamesItsShsErrorCodeAndIsAudited() {
        Instant since = Instant.now();
        record Case(String name, String label, String shsCode, String code) {
        }
        String tx = UUID.randomUUID().toString();
        String base = ShsClient.label(tx);
        List<Case> cases = List.of(
                new Case("another sender", base.replace("<from>urn:X-shs:2021005448</from>",
                        "<from>urn:X-shs:2021005521</from>"), "IllegalSender", "SHS_SENDER_NOT_CALLER"),
                new Case("unknown product type", base.replace(ShsClient.INKOMSTUPPGIFT, UUID.randomUUID().toString()),
                        "UnknownProductType", "SHS_UNKNOWN_PRODUCT_TYPE"),
                new Case("unknown mailbox", base.replace("2021005521.kontroll", "2021005521.finnsinte"),
                        "UnknownReceiver", "SHS_UNKNOWN_RECEIVER"),
                new Case("no agreement to this mailbox", base.replace("2021005521.kontroll", "2021005521.handlaggning"),
                        "MissingAgreement", "SHS_AGREEMENT_MISSING"),
                new Case("another SHS agreement named", base.replace("corr.id=", "shs.agreement=\"annat\" corr.id="),
                        "MissingAgreement", "SHS_AGREEMENT_MISSING"),
                new Case("the organisation only, two mailboxes agreed",
                        base.replace("2021005521.kontroll", "2021005521"), "MissingDeliveryAddress",
                        "SHS_DELIVERY_ADDRESS_MISSING"),
                new Case("synch request against the agreement's flow",
                        base.replace("corr.id=", "transfer-type=\"synch\" corr.id="), "MissingAgreement",
                        "SHS_AGREEMENT_MISSING"),
                new Case("no tx.id", base.replace("tx.id=\"" + tx + "\"", ""), "IllegalMessageStructure",
                        "SHS_LABEL_INVALID"),
                new Case("an external entity", base.replace("<!DOCTYPE shs.label SYSTEM \"shs.dtd\">",
                        "<!DOCTYPE shs.label [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
                        .replace("<subject>Inkomstuppgift", "<subject>&x;"), "IllegalMessageStructure",
                        "SHS_LABEL_INVALID"));
        for (Case c : cases) {
            var answer = skatteverket.send(new Mime().label(c.label(), StandardCharsets.ISO_8859_1)
                    .data("application/json", "inkomst.json", Envelopes.payload()));
            assertThat(answer.status()).as(c.name()).isEqualTo(400);
            assertThat(answer.header("X-shs-errorcode")).as(c.name() + ": " + answer.body()).isEqualTo(c.shsCode());
            assertThat(answer.code()).as(c.name()).isEqualTo(c.code());
            assertThat(Api.parse(answer.body()).get("detail").asText()).as(c.name()).startsWith("shs.label");
        }
        var twoParts = skatteverket.send(new Mime().label(base, StandardCharsets.ISO_8859_1)
                .data("application/json", "a.json", Envelopes.payload())
                .data("application/json", "b.json", Envelopes.payload()));
        assertThat(twoParts.header("X-shs-errorcode")).isEqualTo("IllegalMessageStructure");
        assertThat(twoParts.code()).isEqualTo("SHS_DATA_PARTS_MISMATCH");
        assertThat(api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + tx).status()).isEqualTo(404);

        List<String> audited = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            audited.clear();
            for (JsonNode r : api.get(Api.AUDITOR, "/api/v1/audit?participant=2021005448&from=" + since
                    + "&limit=5000").json()) {
                if (r.get("type").asText().equals("REQUEST_REFUSED")) {
                    audited.add(r.get("reasonCode").asText());
                }
            }
            assertThat(audited).containsAll(cases.stream().map(Case::code).toList())
                    .contains("SHS_DATA_PARTS_MISMATCH");
        });
    }

    @Test
    void eightDigitLegacyNumbersNameTheParticipantsTheRegistryKnowsThemBy() {
        String tx = UUID.randomUUID().toString();
        String legacy = ShsClient.label(tx, "urn:X-shs:54480021", "urn:X-shs:55210021.kontroll",
                ShsClient.INKOMSTUPPGIFT);

        var answer = skatteverket.send(new Mime().label(legacy, StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", Envelopes.payload()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        JsonNode message = awaitInMailbox(tx);
        assertThat(message.get("sender").asText()).isEqualTo("2021005448");
        assertThat(message.get("envelope").get("recipient").asText()).isEqualTo("2021005521.kontroll");
        // The recipient's SHS client may name its own outbox the old way too.
        assertThat(new ShsClient(port(), Api.FORSAKRINGSKASSAN).get("/shs/ds/urn:X-shs:55210021.kontroll/" + tx)
                .status()).isEqualTo(200);

        var unknownSender = skatteverket.send(new Mime().label(ShsClient.label(UUID.randomUUID().toString(),
                "urn:X-shs:12345678", "urn:X-shs:2021005521.kontroll", ShsClient.INKOMSTUPPGIFT),
                StandardCharsets.ISO_8859_1).data("application/json", "inkomst.json", Envelopes.payload()));
        assertThat(unknownSender.header("X-shs-errorcode")).isEqualTo("UnknownSender");
        assertThat(unknownSender.code()).isEqualTo("SHS_UNKNOWN_SENDER");
        var unknownReceiver = skatteverket.send(new Mime().label(ShsClient.label(UUID.randomUUID().toString(),
                "urn:X-shs:2021005448", "urn:X-shs:12345678", ShsClient.INKOMSTUPPGIFT),
                StandardCharsets.ISO_8859_1).data("application/json", "inkomst.json", Envelopes.payload()));
        assertThat(unknownReceiver.header("X-shs-errorcode")).isEqualTo("UnknownReceiver");
        assertThat(Api.parse(unknownReceiver.body()).get("detail").asText()).startsWith("shs.label/to: 12345678");
    }

    @Test
    void aProductTypeAndAgreementImportedFromShsDocumentsCarryMessagesAndAskForConfirmation() {
        String taxering = "7e2c4b1a-9d3f-4e8a-b5c6-1f0a2d3e4b5c"; // config/registry/shs/taxeringsuppgift.product.xml
        JsonNode product = null;
        for (JsonNode p : api.get(Api.PENSIONSMYNDIGHETEN, "/api/v1/catalogue/products").json()) {
            product = p.get("id").asText().equals("taxeringsuppgift") ? p : product;
        }
        assertThat(product).as("the imported product type in the catalogue").isNotNull();
        assertThat(product.get("description").asText()).startsWith("Fastställd taxering för en person");
        String tx = UUID.randomUUID().toString();
        String label = ShsClient.label(tx, "urn:X-shs:2021005448", "urn:X-shs:2021006297.kontroll", taxering);

        var answer = skatteverket.send(new Mime().label(label, StandardCharsets.ISO_8859_1)
                .data("text/xml", "taxering.xml", "<taxering/>".getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        ShsClient pensionsmyndigheten = new ShsClient(port(), Api.PENSIONSMYNDIGHETEN);
        String inbox = "/shs/ds/urn:X-shs:2021006297.kontroll/" + tx;
        await().atMost(Duration.ofSeconds(10)).until(() -> pensionsmyndigheten.get(inbox).status() == 200);
        assertThat(pensionsmyndigheten.post(inbox + "?action=ack", null, new byte[0]).status()).isEqualTo(200);
        assertThat(skatteverket.get("/shs/ds/urn:X-shs:2021005448?producttype=confirm&corrid=korr-"
                + tx.substring(0, 8)).text()).as("the SHS agreement asks for confirmation")
                .contains("<product>confirm</product>");
    }

    @Test
    void aPolicyRejectionIsRecordedAndAnsweredWithItsShsCode() {
        String tx = UUID.randomUUID().toString();
        // Over the product's 1 MB: refused while it streams in, and recorded as a rejected message.
        var answer = skatteverket.send(new Mime().label(ShsClient.label(tx), StandardCharsets.ISO_8859_1)
                .data("application/json", "stor.json", new byte[1024 * 1024 + 1]));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("X-shs-errorcode")).isEqualTo("IllegalDatapartContent");
        assertThat(answer.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void theReceiveServiceWantsAnAuthenticatedParticipant() {
        var anonymous = new ShsClient(port(), null).send(new Mime()
                .label(ShsClient.label(UUID.randomUUID().toString()), StandardCharsets.ISO_8859_1)
                .data("application/json", "inkomst.json", Envelopes.payload()));
        assertThat(anonymous.status()).isEqualTo(401);
        var auditor = api.get(Api.AUDITOR, "/shs/ds/2021005521.kontroll");
        assertThat(auditor.status()).isEqualTo(403);
    }

    private JsonNode awaitInMailbox(String tx) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + tx).status() == 200);
        return api.get(Api.FORSAKRINGSKASSAN, FK_MAILBOX + tx).json();
    }

    /** A payload that carries a unique marker, so the store can be searched for any trace of it. */
    private static byte[] marked(int size) {
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'x');
        byte[] mark = ("MARK-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mark, 0, payload, 0, mark.length);
        return payload;
    }

    private static String marker(byte[] payload) {
        return new String(payload, 0, 41, StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
