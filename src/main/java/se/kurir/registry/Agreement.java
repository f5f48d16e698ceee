package se.kurir.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import se.kurir.envelope.Classification;

/**
 * An agreement (överenskommelse): who may send which product to whom, under which legal bases, up to which
 * classification, when, and whether a manual confidentiality review (sekretessprövning) precedes release.
 *
 * @param validTo last day of validity (inclusive), or null for open-ended
 * @param protection how payloads under this agreement must be sealed; null when the agreement asks for none
 * @param privacy the privacy step every payload under this agreement passes before it is forwarded, unless a
 *     consumer's own terms name another; null when the agreement asks for none
 * @param shs how SHS traffic under this agreement is carried; null when SHS clients do not use it
 * @param sdk how SDK messages under this agreement are carried; null when SDK clients do not use it
 */
public record Agreement(
        String id,
        String product,
        String producer,
        List<Consumer> consumers,
        List<AllowedLegalBasis> legalBases,
        Classification classificationCeiling,
        LocalDate validFrom,
        LocalDate validTo,
        boolean reviewRequired,
        PayloadProtection protection,
        PrivacyPlan privacy,
        ShsTerms shs,
        SdkTerms sdk) {

    /** Agreements are dated in Swedish law, so validity is judged on the Swedish calendar. */
    static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Stockholm");

    public Agreement {
        consumers = List.copyOf(consumers);
        legalBases = List.copyOf(legalBases);
    }

    /** An agreement that SDK clients do not use. */
    public Agreement(String id, String product, String producer, List<Consumer> consumers,
            List<AllowedLegalBasis> legalBases, Classification classificationCeiling, LocalDate validFrom,
            LocalDate validTo, boolean reviewRequired, PayloadProtection protection, PrivacyPlan privacy,
            ShsTerms shs) {
        this(id, product, producer, consumers, legalBases, classificationCeiling, validFrom, validTo, reviewRequired,
                protection, privacy, shs, null);
    }

    /** An agreement that neither SHS nor SDK clients use. */
    public Agreement(String id, String product, String producer, List<Consumer> consumers,
            List<AllowedLegalBasis> legalBases, Classification classificationCeiling, LocalDate validFrom,
            LocalDate validTo, boolean reviewRequired, PayloadProtection protection, PrivacyPlan privacy) {
        this(id, product, producer, consumers, legalBases, classificationCeiling, validFrom, validTo, reviewRequired,
                protection, privacy, null, null);
    }

    /** An agreement that asks for no sealing of its payloads. */
    public Agreement(String id, String product, String producer, List<Consumer> consumers,
            List<AllowedLegalBasis> legalBases, Classification classificationCeiling, LocalDate validFrom,
            LocalDate validTo, boolean reviewRequired) {
        this(id, product, producer, consumers, legalBases, classificationCeiling, validFrom, validTo, reviewRequired,
                null, null);
    }

    public Optional<ShsTerms> shsTerms() {
        return Optional.ofNullable(shs);
    }

    public Optional<SdkTerms> sdkTerms() {
        return Optional.ofNullable(sdk);
    }

    public Optional<PayloadProtection> payloadProtection() {
        return Optional.ofNullable(protection);
    }

    /** The privacy step a payload for this consumer passes: the consumer's own, else the agreement's. */
    public Optional<PrivacyPlan> privacyFor(String participant) {
        return consumer(participant).map(Consumer::privacy).or(() -> Optional.ofNullable(privacy));
    }

    /**
     * A consumer participant and the mailboxes it receives this product in (empty: any of its mailboxes).
     *
     * @param fields the payload fields this consumer is entitled to receive from a subscription, as dotted paths
     *     ({@code adress.kommun}); null when the agreement names none, which entitles it to the whole payload
     * @param privacy the privacy step for this consumer in place of the agreement's (per subscriber); null: the
     *     agreement's
     */
    public record Consumer(String participant, List<String> mailboxes, List<String> fields, PrivacyPlan privacy) {
        public Consumer {
            mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
            fields = fields == null ? null : List.copyOf(fields);
        }

        public Consumer(String participant, List<String> mailboxes) {
            this(participant, mailboxes, null, null);
        }

        public boolean receivesIn(String mailbox) {
            return mailboxes.isEmpty() ? mailbox.startsWith(participant + ".") : mailboxes.contains(mailbox);
        }
    }

    public boolean isValidAt(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, LEGAL_ZONE);
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean covers(String sender, String mailbox) {
        return producer.equals(sender) && consumers.stream().anyMatch(c -> c.receivesIn(mailbox));
    }

    /** A request flows against the data: the consumer asks, the producer answers. */
    public boolean coversRequest(String requester, String answerer) {
        return producer.equals(answerer) && consumers.stream().anyMatch(c -> c.participant().equals(requester));
    }

    /** This participant's terms as a consumer of the agreement, if it is one. */
    public Optional<Consumer> consumer(String participant) {
        return consumers.stream().filter(c -> c.participant().equals(participant)).findFirst();
    }

    public boolean isPartyTo(String participant) {
        return producer.equals(participant) || consumers.stream().anyMatch(c -> c.participant().equals(participant));
    }
}
