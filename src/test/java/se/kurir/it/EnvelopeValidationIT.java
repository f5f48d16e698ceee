package se.kurir.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.kurir.support.Api;
import se.kurir.support.Envelopes;
import se.kurir.support.IntegrationTest;

/** Bad envelopes get a problem answer with a stable code and a detail that names the field. */
class EnvelopeValidationIT extends IntegrationTest {

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource(delimiter = '|', textBlock = """
            "purpose": "felaktiga-utbetalningar",   |                       | ENVELOPE_FIELD_REQUIRED | legalBasis.purpose
            "product": "inkomstuppgift",            | "product": "x", "colour": "red", | ENVELOPE_FIELD_UNKNOWN | colour
            "classification": "SUBSTANTIAL"         | "classification": "SECRET"       | ENVELOPE_FIELD_INVALID | legalBasis.classification
            "retention": "P5Y"                      | "retention": "five years"         | ENVELOPE_FIELD_INVALID | legalBasis.retention
            "statute": "SFS 2009:400"               | "statute": "OSL"                  | ENVELOPE_FIELD_INVALID | legalBasis.statute
            "recipient": "2021005521.kontroll"      | "recipient": "Försäkringskassan"  | ENVELOPE_FIELD_INVALID | recipient
            """)
    void invalidEnvelopeIsRefusedNamingTheField(String original, String replacement, String code, String field) {
        String envelope = Envelopes.inkomstuppgift(null).replace(original, replacement == null ? "" : replacement);

        var answer = api.sendMessage(Api.SKATTEVERKET, envelope, Envelopes.payload());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
        assertThat(answer.json().get("detail").asText()).startsWith(field + ":");
    }

    @Test
    void malformedJsonIsRefused() {
        var answer = api.sendMessage(Api.SKATTEVERKET, "{\"recipient\": ", Envelopes.payload());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("ENVELOPE_MALFORMED");
    }

    @Test
    void missingPayloadIsRefused() {
        var noPayload = api.sendMessage(Api.SKATTEVERKET, Envelopes.inkomstuppgift(null), null);
        assertThat(noPayload.status()).isEqualTo(400);
        assertThat(noPayload.json().get("code").asText()).isEqualTo("PAYLOAD_MISSING");
        assertThat(noPayload.json().get("detail").asText()).startsWith("payload:");
    }

    @Test
    void payloadBeforeEnvelopeIsRefused() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"payload\"\r\n\r\n{}\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"envelope\"\r\n\r\n"
                + Envelopes.inkomstuppgift(null) + "\r\n--b--\r\n";
        var answer = api.postRaw(Api.SKATTEVERKET, "/api/v1/messages", "multipart/form-data; boundary=b",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("MULTIPART_ORDER");
    }

    @Test
    void brokenMultipartIsRefusedAsBadRequest() {
        String body = "--b\r\nContent-Disposition: form-data; name=\"envelope\"\r\n\r\n"
                + Envelopes.inkomstuppgift(null) + "\r\n--b\r\nContent-Disposition: form-data; name=\"payload\""
                + "\r\n\r\nthe stream ends without its closing boundary";
        var answer = api.postRaw(Api.SKATTEVERKET, "/api/v1/messages", "multipart/form-data; boundary=b",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("MULTIPART_INVALID");
    }

    @Test
    void notMultipartIsRefusedWithAProblem() {
        var answer = api.post(Api.SKATTEVERKET, "/api/v1/messages", Envelopes.inkomstuppgift(null));
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().get("code").asText()).isEqualTo("MEDIA_TYPE_UNSUPPORTED");
    }

    @Test
    void xmlEnvelopeIsAcceptedLikeItsJsonTwin() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <envelope xmlns="urn:kurir:envelope:1">
                  <recipient>2021005521.kontroll</recipient>
                  <product>inkomstuppgift</product>
                  <metadata><entry name="kontrollomgang">2026-11</entry></metadata>
                  <legalBasis>
                    <statute>SFS 2009:400</statute><provision>10 kap. 15 a §</provision>
                    <disclosureMode>ON_REQUEST</disclosureMode><purpose>felaktiga-utbetalningar</purpose>
                    <classification>MODERATE</classification><personalData>true</personalData>
                    <retention>P5Y</retention>
                  </legalBasis>
                </envelope>
                """;
        var answer = api.sendMessage(Api.SKATTEVERKET, xml, "application/xml", Envelopes.payload());
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void xmlWithExternalEntityIsRefusedWithoutReadingIt() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE envelope [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <envelope xmlns="urn:kurir:envelope:1"><recipient>&secret;</recipient></envelope>
                """;
        var answer = api.sendMessage(Api.SKATTEVERKET, xxe, "application/xml", Envelopes.payload());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("ENVELOPE_MALFORMED");
        assertThat(answer.body()).doesNotContain("root:");
        assertThat(answer.json().get("detail").asText()).contains("DOCTYPE");
    }
}
