package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import se.kurir.problem.ProblemCodesTest;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;
import se.kurir.support.ShsClient;

/**
 * The bad-input catalogue: every row is an input an agency system, an operator's client or a file drop could send
 * that the gateway must refuse, over REST (JSON and XML envelopes, multipart, uploads, the other JSON APIs), AMQP/JMS
 * and SFTP manifests. Each is answered with its stable code (an HTTP problem, a refusal notice on the sender's
 * refused queue, a reason file in error/) and leaves an audit record with that code, actor and channel. The mTLS rows
 * need a TLS node of their own and are in {@link MutualTlsIT}. docs/BAD-INPUT.md lists the rows.
 */
class BadInputCatalogueIT extends IntegrationTest {

    static final String SKV = Api.SKATTEVERKET;
    static final String FK = Api.FORSAKRINGSKASSAN;
    static final String UPLOADS = "/api/v1/uploads";

    @Autowired
    ConnectionFactory connectionFactory;

    /** What a row sends and whom the audit record names. */
    record Row(String name, String channel, String actor, int status, String code, Function<Context, Answer> send) {
        @Override
        public String toString() {
            return channel + ": " + name;
        }
    }

    /**
     * The gateway's answer: a status (HTTP, or 0 where the channel has none), the code it named and, for an HTTP
     * problem, its type.
     */
    record Answer(int status, String code, String type) {
        Answer(int status, String code) {
            this(status, code, null);
        }

        static Answer of(Api.Response response) {
            JsonNode body = response.body().startsWith("{") ? response.json() : null;
            return new Answer(response.status(), text(body, "code"), text(body, "type"));
        }

        private static String text(JsonNode body, String field) {
            return body == null || body.get(field) == null ? null : body.get(field).asText();
        }
    }

    /** What a row may use: the API client, the broker, the SFTP outbox. */
    record Context(Api api, JmsTemplate jms, Path outbox) {
    }

    @BeforeEach
    void noticesArriveQuickly() {
        api.get(SKV, "/api/v1/catalogue/products"); // the node is up before the clock of the first row starts
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void eachBadInputIsAnsweredWithItsCodeAndAudited(Row row) {
        Instant since = Instant.now().minusMillis(5);
        var jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(10_000);

        Answer answer = row.send().apply(new Context(api, jms, SFTP.dir("outbox")));

        assertThat(answer.code()).as(row.name()).isEqualTo(row.code());
        assertThat(ProblemCodesTest.declared()).as(row.name() + ": a code of docs/ERROR-CODES.md")
                .containsKey(row.code());
        if (answer.type() != null) {
            assertThat(answer.type()).as(row.name() + ": one problem format, RFC 9457")
                    .isEqualTo(ProblemCodesTest.declared().get(row.code()).type());
        }
        if (row.status() > 0) {
            assertThat(answer.status()).as(row.name()).isEqualTo(row.status());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditedCodes(row.actor(), since))
                .as("audit record of " + row.name()).contains(row.code()));
    }

    @Test
    void theCatalogueHasAtLeastSixtyRows() {
        assertThat(catalogue().count()).isGreaterThanOrEqualTo(60);
    }

    /** docs/BAD-INPUT.md lists every row as the catalogue has it (target/bad-input-catalogue.md is the fresh table). */
    @Test
    void everyRowIsInTheDocumentedCatalogue() throws IOException {
        List<String> rows = catalogue().map(BadInputCatalogueIT::markdown).toList();
        Files.write(Path.of("target", "bad-input-catalogue.md"), rows);
        assertThat(Files.readAllLines(Path.of("docs", "BAD-INPUT.md"))).containsAll(rows);
    }

    private static String markdown(Row row) {
        return "| " + row.channel() + " | " + row.name().replace("|", "\\|") + " | "
                + (row.status() > 0 ? Integer.toString(row.status()) : "notice") + " | `" + row.code() + "` |";
    }

    @Test
    void catalogueCoversEveryChannel() {
        assertThat(catalogue().map(Row::channel).distinct()).contains("REST", "XML", "JSON", "MULTIPART", "UPLOAD",
                "AMQP", "SFTP");
    }

    private List<String> auditedCodes(String actor, Instant since) {
        List<String> codes = new ArrayList<>();
        for (JsonNode record : api.get(Api.AUDITOR, "/api/v1/audit?participant=" + actor + "&from=" + since
                + "&limit=5000").json()) {
            if (record.hasNonNull("reasonCode")) {
                codes.add(record.get("reasonCode").asText());
            }
        }
        return codes;
    }

    static Stream<Row> catalogue() {
        return Stream.of(jsonEnvelopes(), xmlEnvelopes(), multipart(), uploads(), otherJson(), broker(), manifests())
                .flatMap(s -> s);
    }

    // --- JSON envelopes, in the multipart message ---------------------------------------------------------------

    private static Stream<Row> jsonEnvelopes() {
        String good = Envelopes.inkomstuppgift(null);
        return Stream.of(
                envelope("legalBasis.purpose missing", good.replace("\"purpose\": \"felaktiga-utbetalningar\",", ""),
                        "ENVELOPE_FIELD_REQUIRED"),
                envelope("recipient missing", good.replace("\"recipient\": \"2021005521.kontroll\",", ""),
                        "ENVELOPE_FIELD_REQUIRED"),
                envelope("recipient and recipients both", good.replace("\"recipient\": \"2021005521.kontroll\",",
                        "\"recipient\": \"2021005521.kontroll\", \"recipients\": [\"2021005521.kontroll\"],"),
                        "ENVELOPE_FIELD_INVALID"),
                envelope("recipients an empty list", good.replace("\"recipient\": \"2021005521.kontroll\",",
                        "\"recipients\": [],"), "ENVELOPE_FIELD_INVALID"),
                envelope("a field the envelope does not have", good.replace("\"product\"", "\"colour\": \"red\", "
                        + "\"product\""), "ENVELOPE_FIELD_UNKNOWN"),
                envelope("classification not an MSB level", good.replace("SUBSTANTIAL", "SECRET"),
                        "ENVELOPE_FIELD_INVALID"),
                envelope("retention in words", good.replace("\"P5Y\"", "\"five years\""), "ENVELOPE_FIELD_INVALID"),
                envelope("retention of 600 digits", good.replace("\"P5Y\"", "\"P" + "9".repeat(600) + "Y\""),
                        "ENVELOPE_FIELD_INVALID"),
                envelope("statute not an SFS number", good.replace("SFS 2009:400", "OSL"), "ENVELOPE_FIELD_INVALID"),
                envelope("recipient not a mailbox address", good.replace("2021005521.kontroll", "Försäkringskassan"),
                        "ENVELOPE_FIELD_INVALID"),
                envelope("product of 300 characters", good.replace("\"inkomstuppgift\"",
                        "\"" + "p".repeat(300) + "\""), "ENVELOPE_FIELD_INVALID"),
                envelope("messageId not a UUID", good.replaceFirst("\\{", "{\"messageId\": \"12345\", "),
                        "ENVELOPE_FIELD_INVALID"),
                envelope("metadata key under the gateway's kurir. prefix", withMetadata(good,
                        "\"kurir.privacy.step\": \"pseudonymise\""), "ENVELOPE_FIELD_INVALID"),
                envelope("33 metadata entries", withMetadata(good, String.join(", ", IntStream.range(0, 33)
                        .mapToObj(i -> "\"k" + i + "\": \"v\"").toList())), "ENVELOPE_FIELD_INVALID"),
                envelope("metadata value of 2,000 characters", withMetadata(good, "\"omgang\": \"" + "v".repeat(2000)
                        + "\""), "ENVELOPE_FIELD_INVALID"),
                envelope("subject of 300 characters", good.replaceFirst("\\{", "{\"subject\": \"" + "s".repeat(300)
                        + "\", "), "ENVELOPE_FIELD_INVALID"),
                envelope("correlationId with a space", good.replaceFirst("\"correlationId\": \"it-",
                        "\"correlationId\": \"it two-"), "ENVELOPE_FIELD_INVALID"),
                envelope("payload.sha256 in upper case", withPayload(good, "\"sha256\": \"" + "A".repeat(64) + "\""),
                        "ENVELOPE_FIELD_INVALID"),
                envelope("payload.size beyond a long", withPayload(good, "\"sha256\": \"" + "a".repeat(64)
                        + "\", \"size\": 99999999999999999999"), "ENVELOPE_FIELD_INVALID"),
                envelope("personalData as a string", good.replace("\"personalData\": true", "\"personalData\": \"ja\""),
                        "ENVELOPE_FIELD_INVALID"),
                envelope("a key given twice", good.replaceFirst("\\{", "{\"product\": \"inkomstuppgift\", "),
                        "ENVELOPE_MALFORMED"),
                envelope("JSON cut off", good.substring(0, good.length() / 2), "ENVELOPE_MALFORMED"),
                envelope("an array, not an object", "[" + good + "]", "ENVELOPE_MALFORMED"),
                envelope("envelope over 64 KB", withMetadata(good, "\"x\": \"" + "x".repeat(70_000) + "\""),
                        "ENVELOPE_TOO_LARGE"));
    }

    // --- XML envelopes -------------------------------------------------------------------------------------------

    private static final String XML = """
            <envelope xmlns="urn:kurir:envelope:1">
              <recipient>2021005521.kontroll</recipient><product>inkomstuppgift</product>%s
              <legalBasis><statute>SFS 2009:400</statute><provision>10 kap. 15 a §</provision>
                <disclosureMode>OWN_INITIATIVE</disclosureMode><purpose>felaktiga-utbetalningar</purpose>
                <classification>SUBSTANTIAL</classification><personalData>true</personalData>
                <retention>P5Y</retention></legalBasis>%s
            </envelope>
            """;

    private static Stream<Row> xmlEnvelopes() {
        return Stream.of(
                xml("an external entity", "<?xml version=\"1.0\"?><!DOCTYPE envelope [<!ENTITY secret SYSTEM "
                        + "\"file:///etc/passwd\">]>" + XML.formatted("", "").replace("inkomstuppgift", "&secret;"),
                        "ENVELOPE_MALFORMED"),
                xml("entity expansion (billion laughs)", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>" + XML.formatted("", "").replace("inkomstuppgift",
                        "&lol2;"), "ENVELOPE_MALFORMED"),
                xml("another namespace", XML.formatted("", "").replace("urn:kurir:envelope:1", "urn:other"),
                        "ENVELOPE_FIELD_INVALID"),
                xml("payload size beyond a long", XML.formatted("", "<payload><sha256>" + "a".repeat(64)
                        + "</sha256><size>99999999999999999999</size></payload>"), "ENVELOPE_FIELD_INVALID"),
                xml("not well-formed", XML.formatted("", "").replace("</envelope>", "</envelop>"),
                        "ENVELOPE_MALFORMED"),
                xml("a metadata entry under the kurir. prefix", XML.formatted(
                        "<metadata><entry name=\"kurir.privacy.keyVersion\">9</entry></metadata>", ""),
                        "ENVELOPE_FIELD_INVALID"),
                xml("retention of 600 digits", XML.formatted("", "").replace(">P5Y<", ">P" + "9".repeat(600) + "Y<"),
                        "ENVELOPE_FIELD_INVALID"),
                new Row("ISO-8859-1 bytes declared as UTF-8", "XML", "2021005448", 400, "ENVELOPE_MALFORMED",
                        c -> Answer.of(c.api().postRaw(SKV, "/api/v1/messages", "multipart/form-data; boundary=b",
                                latin1Envelope()))));
    }

    /** An XML envelope that says UTF-8 and is ISO-8859-1 (its § is one byte, 0xA7): what old systems send. */
    private static byte[] latin1Envelope() {
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--b\r\nContent-Disposition: form-data; name=\"envelope\"\r\nContent-Type: application/xml"
                + "\r\n\r\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(XML.formatted("", "").getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(("\r\n--b\r\n" + part("payload", "application/json", "{}") + "--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    // --- multipart -----------------------------------------------------------------------------------------------

    private static Stream<Row> multipart() {
        String envelope = part("envelope", "application/json", Envelopes.inkomstuppgift(null));
        String payload = part("payload", "application/json", "{\"inkomst\": 1}");
        return Stream.of(
                rawMultipart("payload before the envelope", 400, "MULTIPART_ORDER", payload, envelope),
                rawMultipart("an envelope again after the payload", 400, "MULTIPART_PART_REPEATED", envelope,
                        payload, part("envelope", "application/json", Envelopes.manadsfil(null))),
                rawMultipart("a second payload", 400, "MULTIPART_PART_REPEATED", envelope, payload, payload),
                rawMultipart("a part that is not a message's", 400, "MULTIPART_PART_UNKNOWN", envelope,
                        part("attachment", "text/plain", "x")),
                rawMultipart("no payload part", 400, "PAYLOAD_MISSING", envelope),
                rawMultipart("no part at all", 400, "ENVELOPE_MISSING"),
                new Row("cut off before its closing boundary", "MULTIPART", "2021005448", 400, "MULTIPART_INVALID",
                        c -> Answer.of(c.api().postRaw(SKV, "/api/v1/messages", "multipart/form-data; boundary=b",
                                ("--b\r\n" + envelope + "--b\r\n" + payload.substring(0, payload.length() - 8))
                                        .getBytes(StandardCharsets.UTF_8)))),
                new Row("not multipart at all", "MULTIPART", "2021005448", 415, "MEDIA_TYPE_UNSUPPORTED",
                        c -> Answer.of(c.api().post(SKV, "/api/v1/messages", Envelopes.inkomstuppgift(null)))),
                payloadType("payload media type of 250 characters", "application/" + "x".repeat(238)),
                payloadType("payload media type without a subtype", "json"),
                payloadType("payload media type with a control character", "text/plain; a=\"b\u0007\""),
                new Row("payload over the product's limit", "MULTIPART", "2021005448", 413, "PAYLOAD_TOO_LARGE",
                        c -> Answer.of(c.api().sendMessage(SKV, Envelopes.inkomstuppgift(null),
                                new byte[1024 * 1024 + 1]))),
                new Row("payload not the one the envelope declares", "MULTIPART", "2021005448", 422,
                        "PAYLOAD_DIGEST_MISMATCH", c -> Answer.of(c.api().sendMessage(SKV,
                                withPayload(Envelopes.inkomstuppgift(null), "\"sha256\": \"" + "0".repeat(64) + "\""),
                                Envelopes.payload()))),
                new Row("a purpose the agreement does not allow", "MULTIPART", "2021005448", 422,
                        "PURPOSE_NOT_ALLOWED", c -> Answer.of(c.api().sendMessage(SKV,
                                Envelopes.inkomstuppgift(null).replace("felaktiga-utbetalningar", "statistik"),
                                Envelopes.payload()))),
                new Row("a classification above the agreement's ceiling", "MULTIPART", "2021005448", 422,
                        "CLASSIFICATION_ABOVE_CEILING", c -> Answer.of(c.api().sendMessage(SKV,
                                Envelopes.inkomstuppgift(null).replace("SUBSTANTIAL", "SERIOUS"),
                                Envelopes.payload()))));
    }

    // --- resumable uploads ---------------------------------------------------------------------------------------

    private static Stream<Row> uploads() {
        return Stream.of(
                upload("create without a product", 400, "REQUEST_INVALID",
                        c -> c.api().post(FK, UPLOADS, "{\"mediaType\": \"text/csv\"}")),
                upload("create for a product of 100 characters", 400, "REQUEST_INVALID",
                        c -> c.api().post(FK, UPLOADS, "{\"product\": \"" + "p".repeat(100) + "\"}")),
                upload("create with a media type carrying CR/LF", 400, "MEDIA_TYPE_INVALID",
                        c -> c.api().post(FK, UPLOADS, "{\"product\": \"manadsfil-utbetalningar\", \"mediaType\": "
                                + "\"text/csv\\r\\nX-Injected: yes\"}")),
                upload("create with a field it does not have", 400, "REQUEST_INVALID",
                        c -> c.api().post(FK, UPLOADS, "{\"product\": \"manadsfil-utbetalningar\", \"size\": 5}")),
                upload("create with a body of 2 MB", 413, "REQUEST_TOO_LARGE",
                        c -> c.api().post(FK, UPLOADS, "{\"product\": \"manadsfil-utbetalningar\", \"mediaType\": \""
                                + "x".repeat(2 << 20) + "\"}")),
                upload("a chunk without Upload-Offset", 400, "UPLOAD_OFFSET_MISSING",
                        c -> c.api().exchange(FK, "PATCH", UPLOADS + "/" + newUpload(c), new byte[10],
                                "Content-Type", "application/octet-stream")),
                upload("a chunk at an offset that is no number", 400, "PARAMETER_INVALID",
                        c -> c.api().exchange(FK, "PATCH", UPLOADS + "/" + newUpload(c), new byte[10],
                                "Content-Type", "application/octet-stream", "Upload-Offset", "zero")),
                upload("a chunk that leaves a gap", 409, "UPLOAD_OFFSET_MISMATCH",
                        c -> c.api().exchange(FK, "PATCH", UPLOADS + "/" + newUpload(c), new byte[10],
                                "Content-Type", "application/octet-stream", "Upload-Offset", "100")),
                upload("a completion with a digest that is no SHA-256", 400, "REQUEST_INVALID",
                        c -> complete(c, newUpload(c), "abc", Envelopes.manadsfil(null))),
                upload("a completion without an envelope", 400, "ENVELOPE_MISSING",
                        c -> c.api().post(FK, UPLOADS + "/" + newUpload(c) + "/complete",
                                "{\"sha256\": \"" + "a".repeat(64) + "\"}")),
                upload("a completion whose digest is not the bytes received", 422, "PAYLOAD_DIGEST_MISMATCH",
                        c -> complete(c, newUpload(c), "a".repeat(64), Envelopes.manadsfil(null))),
                upload("a completion for another product", 400, "UPLOAD_PRODUCT_MISMATCH",
                        c -> complete(c, newUpload(c), "a".repeat(64), Envelopes.inkomstuppgift(null))),
                upload("a completion with an invalid envelope", 400, "ENVELOPE_FIELD_INVALID",
                        c -> complete(c, newUpload(c), "a".repeat(64),
                                Envelopes.manadsfil(null).replace("SUBSTANTIAL", "SECRET"))),
                upload("an upload that does not exist", 404, "UPLOAD_NOT_FOUND",
                        c -> c.api().get(FK, UPLOADS + "/" + UUID.randomUUID())),
                upload("somebody else's upload", 404, "UPLOAD_NOT_FOUND",
                        c -> c.api().get(FK, UPLOADS + "/" + newUpload(c, SKV))));
    }

    // --- the other JSON APIs -------------------------------------------------------------------------------------

    private static Stream<Row> otherJson() {
        return Stream.of(
                json("a subscription with a field it does not have", "2021005521", 400, "REQUEST_INVALID",
                        c -> c.api().post(FK, "/api/v1/subscriptions", "{\"product\": \"samordningsnummer-handelse\", "
                                + "\"deliveryMode\": \"PULL\", \"filter\": {\"subjectkeys\": []}}")),
                json("a subscription filtering on a field it is not entitled to", "2021005521", 422,
                        "FILTER_FIELD_NOT_ENTITLED", c -> c.api().post(FK, "/api/v1/subscriptions",
                                "{\"product\": \"samordningsnummer-handelse\", \"deliveryMode\": \"PULL\", \"filter\": "
                                        + "{\"conditions\": [{\"field\": \"namn.efternamn\", \"exists\": true}]}}")),
                json("a subscription watching a subject key of 200 characters", "2021005521", 400, "FILTER_INVALID",
                        c -> c.api().post(FK, "/api/v1/subscriptions", "{\"product\": \"samordningsnummer-handelse\", "
                                + "\"deliveryMode\": \"PULL\", \"filter\": {\"subjectKeys\": [\"" + "1".repeat(200)
                                + "\"]}}")),
                json("a subscription body of 2 MB", "2021005521", 413, "REQUEST_TOO_LARGE",
                        c -> c.api().post(FK, "/api/v1/subscriptions", "{\"product\": \"x\", \"filter\": "
                                + "{\"subjectKeys\": [\"" + "1".repeat(2 << 20) + "\"]}}")),
                json("an event that is not JSON", "2021005448", 400, "ENVELOPE_MALFORMED",
                        c -> c.api().post(SKV, "/api/v1/products/samordningsnummer-handelse/events", "{\"envelope\"")),
                json("a mailbox page of 0", "2021005521", 400, "PARAMETER_INVALID",
                        c -> c.api().get(FK, "/api/v1/mailboxes/2021005521.kontroll/messages?limit=0")),
                json("a mailbox cursor that is no cursor", "2021005521", 400, "PARAMETER_INVALID",
                        c -> c.api().get(FK, "/api/v1/mailboxes/2021005521.kontroll/messages?after=2026-12-04")),
                json("an audit page of 10,000", "demo-auditor", 400,
                        "PARAMETER_INVALID", c -> c.api().get(Api.AUDITOR, "/api/v1/audit?limit=10000")),
                json("a certificate that is not one", "demo-operator", 422, "CERTIFICATE_UNREADABLE",
                        c -> c.api().postPem(Api.OPERATOR, "/api/v1/certificates",
                                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")),
                json("a certificate as text/plain (what a cross-site form sends)", "demo-operator",
                        403, "CROSS_SITE_REQUEST_REFUSED", c -> c.api().postRaw(Api.OPERATOR, "/api/v1/certificates",
                                "text/plain", "x".getBytes(StandardCharsets.UTF_8))),
                json("a revocation without a reason", "demo-operator", 400, "REVOCATION_REASON_MISSING",
                        c -> c.api().post(Api.OPERATOR, "/api/v1/certificates/" + "a".repeat(64) + "/revocation",
                                "{\"reason\": \" \"}")),
                json("an SDK document that is not a JSON:API messages document", "2021005448", 400,
                        "SDK_DOCUMENT_INVALID", c -> c.api().post(SKV, "/sdk/v1/sdk/messages",
                                "{\"data\": {\"type\": \"letters\"}}")),
                json("an SDK message whose conversationId is no UUID", "2021005448", 400, "SDK_MESSAGE_INVALID",
                        c -> c.api().post(SKV, "/sdk/v1/sdk/messages", "{\"data\": {\"type\": \"messages\", "
                                + "\"attributes\": {\"conversationId\": \"samtal-42\", \"confidentiality\": false, "
                                + "\"sender\": \"0203:skatteverket.se\", \"recipient\": \"0203:forsakringskassan.se\", "
                                + "\"recipientAttention\": {\"subOrganization\": {\"extension\": \"fk-kontroll\"}}, "
                                + "\"digitalDocument\": [{\"documentId\": \"1\", \"contentTextBody\": [\"x\"]}]}}}")),
                json("an SDK list filter the list does not have", "2021005448", 400, "SDK_FILTER_INVALID",
                        c -> c.api().get(SKV, "/sdk/v1/sdk/messages?filter%5Bcolour%5D=red")),
                json("an SHS message with more data parts than its label declares", "2021005448", 400,
                        "SHS_DATA_PARTS_MISMATCH", c -> {
                            ShsClient.Mime mime = new ShsClient.Mime().label(ShsClient.label(UUID.randomUUID()
                                    .toString()), StandardCharsets.ISO_8859_1)
                                    .data("application/json", "a.json", Envelopes.payload())
                                    .data("application/json", "b.json", Envelopes.payload());
                            return c.api().postRaw(SKV, "/shs/rs", "multipart/mixed; boundary=\"" + mime.boundary()
                                    + "\"", mime.closed());
                        }));
    }

    // --- AMQP/JMS broker submissions (in-VM here; the same route serves AMQP 1.0 and Core clients) --------------

    private static Stream<Row> broker() {
        return Stream.of(
                amqp("no envelope property", "ENVELOPE_MISSING", null, "application/json", true),
                amqp("an envelope that is not JSON", "ENVELOPE_MALFORMED", "{\"recipient\":", "application/json",
                        true),
                amqp("an envelope without a legal basis", "ENVELOPE_FIELD_REQUIRED",
                        Envelopes.inkomstuppgift(null).replaceAll("\"legalBasis\": \\{[^}]*}", "\"subject\": \"x\""),
                        "application/json", true),
                amqp("an envelope under the kurir. prefix", "ENVELOPE_FIELD_INVALID",
                        withMetadata(Envelopes.inkomstuppgift(null), "\"kurir.privacy.step\": \"x\""),
                        "application/json", true),
                amqp("a text message, not bytes", "PAYLOAD_NOT_BYTES", Envelopes.inkomstuppgift(null),
                        "application/json", false),
                amqp("a media type property with CR/LF", "MEDIA_TYPE_INVALID", Envelopes.inkomstuppgift(null),
                        "text/plain\r\nX-Injected: yes", true));
    }

    // --- SFTP outbox manifests -----------------------------------------------------------------------------------

    private static Stream<Row> manifests() {
        String inbox = "2021005448.filmottagning";
        String good = Envelopes.envelope(null, inbox, "manadsfil-utbetalningar", "SFS 2009:400", "10 kap. 28 §",
                "DUTY_TO_NOTIFY", "felaktiga-utbetalningar", "SUBSTANTIAL");
        return Stream.of(
                manifest("a manifest without a legal basis", "json", "{\"recipient\": \"" + inbox
                        + "\", \"product\": \"manadsfil-utbetalningar\"}", "ENVELOPE_FIELD_REQUIRED"),
                manifest("an XML manifest with a size beyond a long", "xml", XML.formatted("", "<payload><sha256>"
                        + "a".repeat(64) + "</sha256><size>99999999999999999999</size></payload>")
                        .replace("2021005521.kontroll", inbox), "ENVELOPE_FIELD_INVALID"),
                manifest("a manifest over 64 KB", "json", withMetadata(good, "\"x\": \"" + "x".repeat(70_000) + "\""),
                        "MANIFEST_TOO_LARGE"),
                manifest("an XML manifest with a DOCTYPE", "xml", "<?xml version=\"1.0\"?><!DOCTYPE e []>"
                        + XML.formatted("", ""), "ENVELOPE_MALFORMED"),
                manifest("a manifest that is not JSON", "json", "recipient=" + inbox, "ENVELOPE_MALFORMED"),
                manifest("a manifest with the gateway's metadata", "json", withMetadata(good,
                        "\"kurir.privacy.plan\": \"forged\""), "ENVELOPE_FIELD_INVALID"));
    }

    // --- how rows send -------------------------------------------------------------------------------------------

    private static Row envelope(String name, String envelope, String code) {
        return new Row(name, "JSON", "2021005448", 400, code,
                c -> Answer.of(c.api().sendMessage(SKV, envelope, Envelopes.payload())));
    }

    private static Row xml(String name, String envelope, String code) {
        return new Row(name, "XML", "2021005448", 400, code,
                c -> Answer.of(c.api().sendMessage(SKV, envelope, "application/xml", Envelopes.payload())));
    }

    private static Row rawMultipart(String name, int status, String code, String... parts) {
        StringBuilder body = new StringBuilder();
        for (String part : parts) {
            body.append("--b\r\n").append(part);
        }
        body.append("--b--\r\n");
        return new Row(name, "MULTIPART", "2021005448", status, code, c -> Answer.of(c.api().postRaw(SKV,
                "/api/v1/messages", "multipart/form-data; boundary=b", body.toString().getBytes(StandardCharsets.UTF_8))));
    }

    private static Row payloadType(String name, String mediaType) {
        return new Row(name, "MULTIPART", "2021005448", 400, "MEDIA_TYPE_INVALID", c -> Answer.of(c.api()
                .sendMessage(SKV, Envelopes.inkomstuppgift(null), "application/json", Envelopes.payload(), mediaType)));
    }

    private static Row upload(String name, int status, String code, Function<Context, Api.Response> send) {
        return new Row(name, "UPLOAD", "2021005521", status, code, c -> Answer.of(send.apply(c)));
    }

    private static Row json(String name, String actor, int status, String code,
            Function<Context, Api.Response> send) {
        return new Row(name, "REST", actor, status, code, c -> Answer.of(send.apply(c)));
    }

    private static Row amqp(String name, String code, String envelope, String mediaType, boolean bytes) {
        return new Row(name, "AMQP", "2021005448", 0, code, c -> {
            var sent = new AtomicReference<Message>();
            c.jms().send("kurir.in.2021005448", session -> {
                Message message;
                if (bytes) {
                    BytesMessage body = session.createBytesMessage();
                    body.writeBytes(Envelopes.payload());
                    message = body;
                } else {
                    message = session.createTextMessage("{}");
                }
                if (envelope != null) {
                    message.setStringProperty("kurirEnvelope", envelope);
                }
                message.setStringProperty("kurirMediaType", mediaType);
                sent.set(message);
                return message;
            });
            // The refusal notice names the code, on the sender's own refused queue, and the message it refuses.
            Message notice = c.jms().receiveSelected("kurir.in.2021005448.refused",
                    "kurirOriginalJmsMessageId = '" + property(sent.get(), null) + "'");
            assertThat(notice).as("refusal notice").isNotNull();
            return new Answer(0, property(notice, "kurirCode"));
        });
    }

    /** A property of the message, or its JMS message id when no name is given. */
    private static String property(Message message, String name) {
        try {
            return name == null ? message.getJMSMessageID() : message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Row manifest(String name, String form, String manifest, String code) {
        return new Row(name, "SFTP", "2021005521", 0, code, c -> {
            String file = "catalogue-" + UUID.randomUUID() + ".csv";
            try {
                Files.writeString(c.outbox().resolve(file), "personnummer;belopp\n");
                Path temp = c.outbox().resolve(file + ".manifest.tmp");
                Files.writeString(temp, manifest);
                Files.move(temp, c.outbox().resolve(file + ".manifest." + form));
                Path reason = await().atMost(Duration.ofSeconds(30)).until(() -> reasonFile(c.outbox(), file),
                        p -> p != null);
                String text = Files.readString(reason);
                return new Answer(0, text.lines().filter(l -> l.startsWith("code: ")).findFirst().orElseThrow()
                        .substring("code: ".length()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Path reasonFile(Path outbox, String file) throws IOException {
        Path errors = outbox.resolve("error");
        if (!Files.isDirectory(errors)) {
            return null;
        }
        try (Stream<Path> found = Files.walk(errors)) {
            return found.filter(p -> p.getFileName().toString().equals(file + ".reason.txt")).findFirst()
                    .orElse(null);
        }
    }

    private static String newUpload(Context c) {
        return newUpload(c, FK);
    }

    private static String newUpload(Context c, String apiKey) {
        var created = c.api().post(apiKey, UPLOADS, "{\"product\": \"manadsfil-utbetalningar\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("uploadId").asText();
    }

    private static Api.Response complete(Context c, String upload, String sha256, String envelope) {
        return c.api().post(FK, UPLOADS + "/" + upload + "/complete", "{\"sha256\": \"" + sha256 + "\", "
                + "\"envelope\": " + envelope + "}");
    }

    private static String part(String name, String type, String content) {
        return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name + "\"\r\nContent-Type: "
                + type + "\r\n\r\n" + content + "\r\n";
    }

    private static String withMetadata(String envelope, String entries) {
        return envelope.replaceFirst("\\{", "{\"metadata\": {" + entries + "}, ");
    }

    private static String withPayload(String envelope, String fields) {
        return envelope.replaceFirst("\\{", "{\"payload\": {" + fields + "}, ");
    }
}
