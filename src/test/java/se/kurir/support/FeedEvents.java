package se.kurir.support;

import java.util.UUID;

/**
 * Events of the demo federation's feeds (xsd/event.schema.json) and subscription requests. Persons are synthetic:
 * the coordination number is derived from the test person Tolvan Tolvansson (day of birth + 60), who does not exist.
 */
public final class FeedEvents {

    public static final String SAMORDNINGSNUMMER = "samordningsnummer-handelse";
    public static final String FORETAGSFORANDRING = "foretagsforandring";
    public static final String SYNTHETIC_SAMORDNINGSNUMMER = "191212721212";
    /** Synthetic company numbers: not registered companies. */
    public static final String COMPANY_A = "5599990001";
    public static final String COMPANY_B = "5599990002";
    public static final String COMPANY_C = "5599990003";

    private FeedEvents() {
    }

    /** Skatteverket's coordination-number event with every field any consumer could be entitled to, and more. */
    public static String samordningsnummer(String eventId, String handelse) {
        return event(eventId, "SFS 2001:182", "3 §", "SUBSCRIPTION", "handlaggning", "MODERATE",
                SYNTHETIC_SAMORDNINGSNUMMER, handelse, """
                {"samordningsnummer": "%s", "handelse": "%s", "giltigFran": "2026-11-20",
                 "fodelsedatum": "1912-12-12", "namn": {"fornamn": "Tolvan", "efternamn": "Tolvansson"},
                 "adress": {"utdelningsadress": "Testgatan 1", "postnummer": "11111", "kommun": "0180"},
                 "identitetsstyrka": "STYRKT"}
                """.formatted(SYNTHETIC_SAMORDNINGSNUMMER, handelse));
    }

    /** Bolagsverket's change to one company. */
    public static String foretagsforandring(String company, String eventType, String sate) {
        return event(null, "SFS 2005:551", "8 kap. 4 §", "SUBSCRIPTION", "handlaggning", "NONE", company, eventType,
                """
                {"organisationsnummer": "%s", "sate": "%s", "nonce": "%s"}
                """.formatted(company, sate, UUID.randomUUID()));
    }

    public static String event(String eventId, String statute, String provision, String mode, String purpose,
            String classification, String subjectKey, String eventType, String payload) {
        return """
                {"envelope": {%s"legalBasis": {"statute": "%s", "provision": "%s", "disclosureMode": "%s",
                   "purpose": "%s", "classification": "%s", "personalData": true, "retention": "P1Y"}},
                 "subjectKey": "%s", "eventType": "%s", "payload": %s}
                """.formatted(eventId == null ? "" : "\"messageId\": \"" + eventId + "\", ", statute, provision, mode,
                purpose, classification, subjectKey, eventType, payload);
    }

    public static String pull(String product) {
        return "{\"product\": \"" + product + "\", \"deliveryMode\": \"PULL\"}";
    }

    public static String subscription(String product, String deliveryMode, String extra) {
        return "{\"product\": \"" + product + "\", \"deliveryMode\": \"" + deliveryMode + "\""
                + (extra == null ? "" : ", " + extra) + "}";
    }
}
