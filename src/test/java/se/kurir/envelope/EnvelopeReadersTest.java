package se.kurir.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EnvelopeReadersTest {

    static final String JSON = """
            {"messageId": "6F1C2E4A-0B7D-4E59-9C1A-2B3C4D5E6F70", "recipient": "2021005521.kontroll",
             "product": "inkomstuppgift", "correlationId": "k-42", "status": "TEST", "metadata": {"omgang": "2026-11"},
             "legalBasis": {"statute": "SFS 2009:400", "provision": "10 kap. 15 a §", "disclosureMode": "OWN_INITIATIVE",
               "purpose": "felaktiga-utbetalningar", "classification": "SUBSTANTIAL", "personalData": true,
               "controller": "2021005448", "retention": "P5Y", "preAssessmentRef": "FB-2025-17"}}
            """;

    static final String XML = """
            <envelope xmlns="urn:kurir:envelope:1">
              <messageId>6F1C2E4A-0B7D-4E59-9C1A-2B3C4D5E6F70</messageId>
              <correlationId>k-42</correlationId>
              <recipient>2021005521.kontroll</recipient>
              <product>inkomstuppgift</product>
              <status>TEST</status>
              <metadata><entry name="omgang">2026-11</entry></metadata>
              <legalBasis>
                <statute>SFS 2009:400</statute><provision>10 kap. 15 a §</provision>
                <disclosureMode>OWN_INITIATIVE</disclosureMode><purpose>felaktiga-utbetalningar</purpose>
                <classification>SUBSTANTIAL</classification><personalData>true</personalData>
                <controller>2021005448</controller><retention>P5Y</retention>
                <preAssessmentRef>FB-2025-17</preAssessmentRef>
              </legalBasis>
            </envelope>
            """;

    final JsonEnvelopeReader json = new JsonEnvelopeReader();
    final XmlEnvelopeReader xml = new XmlEnvelopeReader();

    @Test
    void jsonAndXmlTwinsReadToTheSameEnvelope() {
        Envelope fromJson = json.read(bytes(JSON));
        Envelope fromXml = xml.read(bytes(XML));

        assertThat(fromXml).isEqualTo(fromJson);
        assertThat(fromJson.legalBasis().classification()).isEqualTo(Classification.SUBSTANTIAL);
        assertThat(fromJson.metadata()).containsEntry("omgang", "2026-11");
        assertThat(fromJson.recipientParticipant()).isEqualTo("2021005521");
    }

    @Test
    void assignedIdsAreLowerCaseAndTheConversationStartsWithTheMessage() {
        Envelope envelope = json.read(bytes(JSON)).withAssignedIds();
        assertThat(envelope.messageId()).isEqualTo("6f1c2e4a-0b7d-4e59-9c1a-2b3c4d5e6f70");
        assertThat(envelope.conversationId()).isEqualTo(envelope.messageId());

        Envelope anonymous = json.read(bytes(JSON.replace("\"messageId\": \"6F1C2E4A-0B7D-4E59-9C1A-2B3C4D5E6F70\",",
                ""))).withAssignedIds();
        assertThat(anonymous.messageId()).matches("[0-9a-f-]{36}");
        assertThat(anonymous.status()).isEqualTo(MessageStatus.TEST);
    }

    @Nested
    class Json {

        @Test
        void everyViolationIsReportedWithItsField() {
            String bad = JSON.replace("\"purpose\": \"felaktiga-utbetalningar\",", "")
                    .replace("\"status\": \"TEST\"", "\"status\": \"LIVE\", \"priority\": 1");

            assertThatThrownBy(() -> json.read(bytes(bad))).isInstanceOfSatisfying(InvalidEnvelopeException.class,
                    e -> assertThat(e.violations()).extracting(EnvelopeViolation::code, EnvelopeViolation::field)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple(EnvelopeViolation.FIELD_REQUIRED,
                                            "legalBasis.purpose"),
                                    org.assertj.core.groups.Tuple.tuple(EnvelopeViolation.FIELD_UNKNOWN, "priority"),
                                    org.assertj.core.groups.Tuple.tuple(EnvelopeViolation.FIELD_INVALID, "status")));
        }

        @Test
        void duplicateKeysAreRefused() {
            String twice = JSON.replace("\"product\": \"inkomstuppgift\",",
                    "\"product\": \"inkomstuppgift\", \"product\": \"annat\",");
            assertThatThrownBy(() -> json.read(bytes(twice))).isInstanceOfSatisfying(InvalidEnvelopeException.class,
                    e -> assertThat(e.code()).isEqualTo(EnvelopeViolation.MALFORMED));
        }

        @Test
        void anArrayIsNotAnEnvelope() {
            assertThatThrownBy(() -> json.read(bytes("[]"))).isInstanceOf(InvalidEnvelopeException.class);
        }
    }

    @Nested
    class Xml {

        @Test
        void schemaViolationIsRefused() {
            String bad = XML.replace("<classification>SUBSTANTIAL</classification>",
                    "<classification>TOP</classification>");
            assertThatThrownBy(() -> xml.read(bytes(bad))).isInstanceOfSatisfying(InvalidEnvelopeException.class,
                    e -> assertThat(e.code()).isEqualTo(EnvelopeViolation.FIELD_INVALID));
        }

        @Test
        void entityExpansionIsRefused() {
            String billionLaughs = """
                    <?xml version="1.0"?>
                    <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                    <envelope xmlns="urn:kurir:envelope:1"><recipient>&lol2;</recipient></envelope>
                    """;
            assertThatThrownBy(() -> xml.read(bytes(billionLaughs)))
                    .isInstanceOfSatisfying(InvalidEnvelopeException.class,
                            e -> assertThat(e.code()).isEqualTo(EnvelopeViolation.MALFORMED));
        }

        @Test
        void theGatewaysOwnMetadataKeysAreRefusedFromASenderInEitherForm() {
            String jsonForm = JSON.replace("\"omgang\": \"2026-11\"", "\"Kurir.Privacy.Step\": \"pseudonymise\"");
            String xmlForm = XML.replace("name=\"omgang\"", "name=\"kurir.privacy.keyVersion\"");
            for (Runnable read : new Runnable[] {() -> json.read(bytes(jsonForm)), () -> xml.read(bytes(xmlForm))}) {
                assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidEnvelopeException.class, e -> {
                    assertThat(e.code()).isEqualTo(EnvelopeViolation.FIELD_INVALID);
                    assertThat(e.violations().get(0).field()).startsWithIgnoringCase("metadata.kurir.");
                });
            }
        }

        @Test
        void aSizeOrRetentionBeyondItsBoundsIsAFieldViolationNotAFailure() {
            String hugeSize = XML.replace("<legalBasis>", "<legalBasis>").replace("</legalBasis>",
                    "</legalBasis><payload><sha256>" + "a".repeat(64) + "</sha256><size>99999999999999999999</size>"
                            + "</payload>");
            String jsonSize = JSON.replace("\"correlationId\"", "\"payload\": {\"sha256\": \"" + "a".repeat(64)
                    + "\", \"size\": 99999999999999999999}, \"correlationId\"");
            String longRetention = JSON.replace("\"P5Y\"", "\"P" + "9".repeat(600) + "Y\"");
            assertFieldViolation(() -> xml.read(bytes(hugeSize)), "envelope");
            assertFieldViolation(() -> json.read(bytes(jsonSize)), "payload.size");
            assertFieldViolation(() -> json.read(bytes(longRetention)), "legalBasis.retention");
            assertFieldViolation(() -> xml.read(bytes(XML.replace(">P5Y<", ">P" + "9".repeat(600) + "Y<"))),
                    "envelope");
        }

        private void assertFieldViolation(Runnable read, String field) {
            assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidEnvelopeException.class, e -> {
                assertThat(e.code()).isEqualTo(EnvelopeViolation.FIELD_INVALID);
                assertThat(e.violations().get(0).field()).isEqualTo(field);
            });
        }

        @Test
        void wrongNamespaceIsRefused() {
            String foreign = XML.replace("urn:kurir:envelope:1", "urn:other");
            assertThatThrownBy(() -> xml.read(bytes(foreign))).isInstanceOf(InvalidEnvelopeException.class);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
