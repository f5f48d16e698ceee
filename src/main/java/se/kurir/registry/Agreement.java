package se.kurir.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import se.kurir.envelope.Classification;

/**
 * An agreement (överenskommelse): who may send which product to whom, under which legal bases, up to which
 * classification, when, and whether a manual confidentiality review (sekretessprövning) precedes release.
 *
 * @param validTo last day of validity (inclusive), or null for open-ended
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
        boolean reviewRequired) {

    /** Agreements are dated in Swedish law, so validity is judged on the Swedish calendar. */
    static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Stockholm");

    public Agreement {
        consumers = List.copyOf(consumers);
        legalBases = List.copyOf(legalBases);
    }

    /** A consumer participant and the mailboxes it receives this product in (empty: any of its mailboxes). */
    public record Consumer(String participant, List<String> mailboxes) {
        public Consumer {
            mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
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

    public boolean isPartyTo(String participant) {
        return producer.equals(participant) || consumers.stream().anyMatch(c -> c.participant().equals(participant));
    }
}
