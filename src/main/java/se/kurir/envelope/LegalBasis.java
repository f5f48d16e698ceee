package se.kurir.envelope;

/**
 * The legal-basis tag (rättslig grund) carried by every envelope. It names the law that allows the disclosure; it
 * never carries the personal data itself.
 *
 * @param retention ISO 8601 period (P5Y) or date
 * @param preAssessmentRef reference to the förhandsbedömning that allows automated release, if any
 */
public record LegalBasis(
        String statute,
        String provision,
        DisclosureMode disclosureMode,
        String purpose,
        Classification classification,
        boolean personalData,
        String controller,
        String retention,
        String preAssessmentRef) {

    /** The tag in one line, as the audit log records it. */
    public String summary() {
        return String.join("; ", statute + " " + provision, disclosureMode.name(), purpose, classification.name(),
                personalData ? "personal-data" : "no-personal-data", "retention " + retention);
    }
}
