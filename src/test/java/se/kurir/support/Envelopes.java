package se.kurir.support;

import java.util.UUID;

/**
 * Envelopes of the demo federation's flows. Test payloads use the synthetic personal identity number
 * 19121212-1212 (Tolvan Tolvansson), which belongs to nobody.
 */
public final class Envelopes {

    public static final String SYNTHETIC_PERSONNUMMER = "191212121212";

    private Envelopes() {
    }

    /** Skatteverket's income statement to Försäkringskassan's control mailbox: allowed by agreement. */
    public static String inkomstuppgift(String messageId) {
        return inkomstuppgift(messageId, "2021005521.kontroll", "SFS 2009:400", "OWN_INITIATIVE",
                "felaktiga-utbetalningar", "SUBSTANTIAL");
    }

    public static String inkomstuppgift(String messageId, String recipient, String statute, String mode,
            String purpose, String classification) {
        return envelope(messageId, recipient, "inkomstuppgift", statute, "10 kap. 15 a §", mode, purpose,
                classification);
    }

    public static String envelope(String messageId, String recipient, String product, String statute,
            String provision, String mode, String purpose, String classification) {
        return """
                {%s"recipient": "%s", "product": "%s", "correlationId": "it-%s",
                 "legalBasis": {"statute": "%s", "provision": "%s", "disclosureMode": "%s",
                   "purpose": "%s", "classification": "%s", "personalData": true, "retention": "P5Y"}}
                """.formatted(messageId == null ? "" : "\"messageId\": \"" + messageId + "\", ", recipient, product,
                UUID.randomUUID(), statute, provision, mode, purpose, classification);
    }

    /** Polisen's report of a suspected false identity to Skatteverket: held for manual review. */
    public static String falskIdentitet(String messageId) {
        return envelope(messageId, "2021005448.folkbokforing", "misstankt-falsk-identitet", "SFS 2009:400",
                "10 kap. 27 §", "OWN_INITIATIVE", "folkbokforing", "SERIOUS");
    }

    /** Försäkringskassan's monthly batch file of benefit payments to Skatteverket (bulk). */
    public static String manadsfil(String messageId) {
        return envelope(messageId, "2021005448.kontroll", "manadsfil-utbetalningar", "SFS 2009:400", "10 kap. 28 §",
                "DUTY_TO_NOTIFY", "felaktiga-utbetalningar", "SUBSTANTIAL");
    }

    public static byte[] payload() {
        return ("{\"personnummer\": \"" + SYNTHETIC_PERSONNUMMER + "\", \"inkomst\": 412000, \"nonce\": \""
                + UUID.randomUUID() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
