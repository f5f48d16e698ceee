package se.kurir.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.kurir.crypto.CryptoProperties;
import se.kurir.registry.PrivacyPlan;
import se.kurir.tool.PrivacyKeyCommand;

/** The built-in {@code pseudonymise} step on JSON payloads, with a real keystore and real keys. */
class PseudonymisationStepTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] PASSWORD = "test-privacy-keystore-password".toCharArray();
    /** Synthetic: Skatteverket's test personal identity number series. */
    private static final String PERSONNUMMER = "198112189876";
    private static final String FK = "2021005521";
    private static final String PM = "2021006297";

    @TempDir
    Path dir;

    private Path keystore;
    private PseudonymisationStep step;

    @BeforeEach
    void createKeystore() throws Exception {
        keystore = dir.resolve("privacy.p12");
        PrivacyKeyCommand.addVersion(keystore, "pseudonym", PASSWORD);
        step = new PseudonymisationStep(keys());
    }

    private PrivacyKeys keys() {
        return new PrivacyKeys(new PrivacyProperties(
                new CryptoProperties.Keystore(keystore, "PKCS12", new String(PASSWORD))));
    }

    private static final String PAYLOAD = """
            {"personnummer": "%s", "namn": "Tolvan Tolvansson", "fodelsedatum": "1981-12-18", "alder": 44,
             "adress": {"gata": "Storgatan 1", "postnummer": "123 45"}, "telefon": "0701234567",
             "inkomster": [{"manad": "2026-01", "belopp": 31000, "arbetsgivare": "Exempel AB"},
                           {"manad": "2026-02", "belopp": 32000, "arbetsgivare": "Exempel AB"}],
             "anteckning": null}
            """.formatted(PERSONNUMMER);

    private static PrivacyPlan plan(PrivacyPlan.FieldAction others, Map<String, String> fields) {
        return new PrivacyPlan(null, "pseudonym", others, fields, null);
    }

    private static Map<String, String> rules(String... pairs) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            rules.put(pairs[i], pairs[i + 1]);
        }
        return rules;
    }

    private JsonNode apply(PrivacyPlan plan, String recipient, String purpose, String payload) throws IOException {
        return JSON.readTree(applyRaw(plan, recipient, purpose, payload, "application/json"));
    }

    private byte[] applyRaw(PrivacyPlan plan, String recipient, String purpose, String payload, String type)
            throws IOException {
        var out = new ByteArrayOutputStream();
        step.apply(plan, new PrivacyContext("m", "2021005448", recipient, recipient + ".kontroll", "p", "a",
                purpose, "tag", type), new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out);
        return out.toByteArray();
    }

    @Test
    void hmacPseudonymsAreStablePerRecipientAndPurposeAndCannotBeLinkedAcrossThem() throws IOException {
        PrivacyPlan plan = plan(PrivacyPlan.FieldAction.DROP, rules("/personnummer", "hmac"));
        String forFk = apply(plan, FK, "kontroll", PAYLOAD).get("personnummer").asText();
        assertThat(apply(plan, FK, "kontroll", PAYLOAD).get("personnummer").asText()).isEqualTo(forFk);
        assertThat(apply(plan, PM, "kontroll", PAYLOAD).get("personnummer").asText()).isNotEqualTo(forFk);
        assertThat(apply(plan, FK, "handlaggning", PAYLOAD).get("personnummer").asText()).isNotEqualTo(forFk);
        assertThat(forFk).hasSize(43).doesNotContain(PERSONNUMMER);
    }

    @Test
    void anHmacPseudonymIsHmacSha256UnderTheKeyDerivedForRecipientPurposeAndVersion() throws Exception {
        PrivacyPlan plan = plan(PrivacyPlan.FieldAction.DROP, rules("/personnummer", "hmac"));
        byte[] derived = keys().derive("pseudonym", 1, "hmac", FK, "kontroll");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(derived, "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(PERSONNUMMER.getBytes(StandardCharsets.UTF_8)));
        assertThat(apply(plan, FK, "kontroll", PAYLOAD).get("personnummer").asText()).isEqualTo(expected);
    }

    @Test
    void fpeKeepsTwelveDigitsWithAValidCheckDigitAndDeciphersToTheOriginal() throws IOException {
        PrivacyPlan plan = plan(PrivacyPlan.FieldAction.DROP, rules("/personnummer", "fpe"));
        String pseudonym = apply(plan, FK, "kontroll", PAYLOAD).get("personnummer").asText();
        assertThat(pseudonym).matches("\\d{12}").isNotEqualTo(PERSONNUMMER);
        assertThat(FormatPreservingCipher.hasValidCheckDigit(digits(pseudonym))).isTrue();
        assertThat(apply(plan, FK, "kontroll", PAYLOAD).get("personnummer").asText()).isEqualTo(pseudonym);
        assertThat(apply(plan, PM, "kontroll", PAYLOAD).get("personnummer").asText()).isNotEqualTo(pseudonym);
        byte[] key = keys().derive("pseudonym", 1, "ff1", FK, "kontroll");
        assertThat(new FormatPreservingCipher(key, false).apply(pseudonym)).isEqualTo(PERSONNUMMER);
        String dashed = "19811218-9876";
        String dashedPseudonym = new FormatPreservingCipher(key, true).apply(dashed);
        assertThat(dashedPseudonym).matches("\\d{8}-\\d{4}")
                .isEqualTo(pseudonym.substring(0, 8) + "-" + pseudonym.substring(8));
    }

    @Test
    void fpeRefusesATwelveDigitNumberWithABadCheckDigitAndTooFewDigits() {
        PrivacyPlan plan = plan(PrivacyPlan.FieldAction.DROP, rules("/personnummer", "fpe"));
        assertThatThrownBy(() -> apply(plan, FK, "kontroll", "{\"personnummer\": \"198112189875\"}"))
                .isInstanceOf(PrivacyInputException.class).hasMessageContaining("payload/personnummer")
                .hasMessageNotContaining("198112189875");
        assertThatThrownBy(() -> apply(plan, FK, "kontroll", "{\"personnummer\": \"12345\"}"))
                .isInstanceOf(PrivacyInputException.class).hasMessageContaining("at least 6 digits");
    }

    @Test
    void ff1MatchesTheNistSamplesOfSp800_38g() {
        byte[] aes128 = hex("2B7E151628AED2A6ABF7158809CF4F3C");
        byte[] aes256 = hex("2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94");
        assertThat(new FormatPreservingCipher(aes128, true).apply("0123456789")).isEqualTo("2433477484");
        assertThat(new FormatPreservingCipher(aes256, true).apply("0123456789")).isEqualTo("6657667009");
        assertThat(new FormatPreservingCipher(aes256, false).apply("6657667009")).isEqualTo("0123456789");
    }

    @Test
    void droppedAndUnnamedFieldsNeverReachTheRecipient() throws IOException {
        PrivacyPlan plan = plan(PrivacyPlan.FieldAction.DROP, rules("/personnummer", "fpe", "/namn", "drop",
                "/inkomster/*/belopp", "keep", "/inkomster/*/manad", "keep"));
        byte[] out = applyRaw(plan, FK, "kontroll", PAYLOAD, "application/json");
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Tolvan", "Storgatan", "0701234567", "Exempel AB", "1981-12-18",
                PERSONNUMMER);
        JsonNode node = JSON.readTree(out);
        assertThat(node.fieldNames()).toIterable().containsExactly("personnummer", "inkomster");
        assertThat(node.get("inkomster")).hasSize(2);
        assertThat(node.get("inkomster").get(1).get("belopp").asInt()).isEqualTo(32000);
        assertThat(node.get("inkomster").get(0).fieldNames()).toIterable().containsExactly("manad", "belopp");
    }

    @Test
    void otherFieldsKeepCopiesWhatNoRuleNames() throws IOException {
        PrivacyPlan plan = plan(PrivacyPlan.FieldAction.KEEP, rules("/namn", "drop", "/adress/gata", "drop"));
        JsonNode node = apply(plan, FK, "kontroll", PAYLOAD);
        assertThat(node.has("namn")).isFalse();
        assertThat(node.get("adress").has("gata")).isFalse();
        assertThat(node.get("adress").get("postnummer").asText()).isEqualTo("123 45");
        assertThat(node.get("personnummer").asText()).isEqualTo(PERSONNUMMER);
        assertThat(node.get("anteckning").isNull()).isTrue();
        assertThat(node.get("inkomster")).isEqualTo(JSON.readTree(PAYLOAD).get("inkomster"));
    }

    @Test
    void generaliseAndMaskCoarsenValues() throws IOException {
        PrivacyPlan plan = plan(PrivacyPlan.FieldAction.DROP, rules("/fodelsedatum", "generalise:year-month",
                "/alder", "generalise:band:10", "/adress/postnummer", "generalise:digits:3", "/telefon", "mask:2",
                "/inkomster/*/manad", "generalise:year"));
        JsonNode node = apply(plan, FK, "kontroll", PAYLOAD);
        assertThat(node.get("fodelsedatum").asText()).isEqualTo("1981-12");
        assertThat(node.get("alder").asText()).isEqualTo("40-49");
        assertThat(node.get("adress").get("postnummer").asText()).isEqualTo("123");
        assertThat(node.get("telefon").asText()).isEqualTo("********67");
        assertThat(node.get("inkomster").get(0).get("manad").asText()).isEqualTo("2026");
    }

    @Test
    void aPayloadThatDoesNotFitThePlanIsRefusedNamingTheField() {
        PrivacyPlan plan = plan(PrivacyPlan.FieldAction.DROP, rules("/adress", "hmac"));
        assertThatThrownBy(() -> apply(plan, FK, "kontroll", PAYLOAD)).isInstanceOf(PrivacyInputException.class)
                .hasMessage("payload/adress: is an object; hmac applies to single values");
        assertThatThrownBy(() -> apply(plan, FK, "kontroll", "{\"adress\": "))
                .isInstanceOf(PrivacyInputException.class).hasMessageStartingWith("payload: is not well-formed JSON");
        assertThatThrownBy(() -> applyRaw(plan, FK, "kontroll", "<a/>", "application/xml"))
                .isInstanceOf(PrivacyInputException.class).hasMessageContaining("not application/xml");
    }

    @Test
    void aPlanWithUnknownActionsOrAMissingKeyIsRefusedUpFront() {
        assertThatThrownBy(() -> step.check(plan(null, rules("/x", "scramble"))))
                .hasMessageContaining("privacy.fields./x: unknown action 'scramble'");
        assertThatThrownBy(() -> step.check(plan(null, rules("/x", "generalise:decade"))))
                .hasMessageContaining("missing or unknown argument");
        assertThatThrownBy(() -> step.check(new PrivacyPlan(null, "nokey", null, rules("/x", "hmac"), null)))
                .hasMessageContaining("privacy.key: 'nokey'");
    }

    @Test
    void aNewKeyVersionMakesNewPseudonymsAndIsReported() throws Exception {
        PrivacyPlan plan = plan(PrivacyPlan.FieldAction.DROP, rules("/personnummer", "hmac"));
        String v1 = apply(plan, FK, "kontroll", PAYLOAD).get("personnummer").asText();
        PrivacyKeyCommand.addVersion(keystore, "pseudonym", PASSWORD);
        step = new PseudonymisationStep(keys());
        var out = new ByteArrayOutputStream();
        PrivacyStepResult result = step.apply(plan, new PrivacyContext("m", "s", FK, null, "p", "a", "kontroll",
                "tag", "application/json"), new ByteArrayInputStream(PAYLOAD.getBytes(StandardCharsets.UTF_8)), out);
        assertThat(result.keyVersion()).isEqualTo(2);
        assertThat(result.fieldCounts()).containsEntry("hmac", 1L).containsEntry("drop", 7L);
        assertThat(JSON.readTree(out.toByteArray()).get("personnummer").asText()).isNotEqualTo(v1);
    }

    private static byte[] digits(String value) {
        byte[] digits = new byte[value.length()];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = (byte) (value.charAt(i) - '0');
        }
        return digits;
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
