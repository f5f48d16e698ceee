package se.kurir.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.kurir.envelope.Classification;
import se.kurir.envelope.DisclosureMode;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.LegalBasis;
import se.kurir.registry.Agreement;
import se.kurir.registry.AllowedLegalBasis;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Participant;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

class PolicyEngineTest {

    static final String SKV = "2021005448";
    static final String FK = "2021005521";
    static final AllowedLegalBasis OSL = new AllowedLegalBasis("SFS 2009:400", "10 kap. 15 a §",
            List.of(DisclosureMode.OWN_INITIATIVE), List.of("felaktiga-utbetalningar"));

    static Agreement agreement(String id, List<String> mailboxes, LocalDate from, LocalDate to, boolean review,
            AllowedLegalBasis... bases) {
        return new Agreement(id, "inkomstuppgift", SKV, List.of(new Agreement.Consumer(FK, mailboxes)),
                List.of(bases), Classification.SUBSTANTIAL, from, to, review);
    }

    static PolicyEngine engine(Instant now, Agreement... agreements) {
        Registry registry = new Registry(List.of(new Participant(SKV, "Skatteverket", null),
                new Participant(FK, "Försäkringskassan", null)),
                List.of(new Mailbox(FK + ".kontroll", FK, null, null), new Mailbox(FK + ".handlaggning", FK, null, null)),
                List.of(new Product("inkomstuppgift", "Inkomstuppgift", null, Classification.SUBSTANTIAL, true, 1024)),
                List.of(agreements));
        return new PolicyEngine(registry, Clock.fixed(now, ZoneOffset.UTC));
    }

    static Envelope envelope(String mailbox, DisclosureMode mode, String purpose, Classification classification) {
        return new Envelope(null, null, null, null, mailbox, "inkomstuppgift", null, null, null,
                new LegalBasis("SFS 2009:400", "10 kap. 15 a §", mode, purpose, classification, true, null, "P5Y",
                        null), null);
    }

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final Envelope ALLOWED = envelope(FK + ".kontroll", DisclosureMode.OWN_INITIATIVE, "felaktiga-utbetalningar",
            Classification.SUBSTANTIAL);

    @Test
    void allowedMessageIsAcceptedUnderItsAgreement() {
        var engine = engine(NOW, agreement("a", List.of(FK + ".kontroll"), LocalDate.of(2025, 1, 1), null, false, OSL));
        assertThat(engine.decide(SKV, ALLOWED)).isEqualTo(PolicyDecision.accept("a"));
    }

    @Test
    void reviewRequiredHoldsTheMessage() {
        var engine = engine(NOW, agreement("a", List.of(), LocalDate.of(2025, 1, 1), null, true, OSL));
        assertThat(engine.decide(SKV, ALLOWED)).isEqualTo(PolicyDecision.review("a"));
    }

    @Test
    void anAgreementWithoutMailboxesCoversEveryMailboxOfTheConsumer() {
        var engine = engine(NOW, agreement("a", List.of(), LocalDate.of(2025, 1, 1), null, false, OSL));
        var toOtherMailbox = envelope(FK + ".handlaggning", DisclosureMode.OWN_INITIATIVE, "felaktiga-utbetalningar",
                Classification.NONE);
        assertThat(engine.decide(SKV, toOtherMailbox).outcome()).isEqualTo(PolicyDecision.Outcome.ACCEPT);
    }

    @Test
    void onlyTheProducerMaySend() {
        var engine = engine(NOW, agreement("a", List.of(), LocalDate.of(2025, 1, 1), null, false, OSL));
        assertThat(engine.decide(FK, ALLOWED).reason()).isEqualTo(RejectionCode.NO_AGREEMENT);
    }

    @Test
    void theFirstAllowingAgreementWinsOverOneThatRejects() {
        var expired = agreement("old", List.of(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), false, OSL);
        var current = agreement("new", List.of(), LocalDate.of(2025, 1, 1), null, false, OSL);
        assertThat(engine(NOW, expired, current).decide(SKV, ALLOWED)).isEqualTo(PolicyDecision.accept("new"));
    }

    @Test
    void rejectionNamesTheReasonOfTheAgreementThatCameClosest() {
        var expired = agreement("old", List.of(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), false, OSL);
        var otherPurpose = agreement("narrow", List.of(), LocalDate.of(2025, 1, 1), null, false,
                new AllowedLegalBasis("SFS 2009:400", "10 kap. 15 a §", List.of(DisclosureMode.OWN_INITIATIVE),
                        List.of("statistik")));
        assertThat(engine(NOW, expired, otherPurpose).decide(SKV, ALLOWED))
                .isEqualTo(PolicyDecision.reject(RejectionCode.PURPOSE_NOT_ALLOWED, "narrow"));
    }

    @Nested
    class Validity {

        final Agreement endsMay31 = agreement("a", List.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 31),
                false, OSL);

        @Test
        void lastDayIsInclusiveInSwedishTime() {
            // 21:59 UTC on 31 May is 23:59 in Stockholm (CEST): still valid.
            assertThat(engine(Instant.parse("2026-05-31T21:59:00Z"), endsMay31).decide(SKV, ALLOWED).outcome())
                    .isEqualTo(PolicyDecision.Outcome.ACCEPT);
        }

        @Test
        void dayAfterTheLastIsNotValid() {
            // 22:01 UTC on 31 May is already 1 June in Stockholm.
            assertThat(engine(Instant.parse("2026-05-31T22:01:00Z"), endsMay31).decide(SKV, ALLOWED).reason())
                    .isEqualTo(RejectionCode.AGREEMENT_NOT_VALID);
        }

        @Test
        void notYetValid() {
            var future = agreement("a", List.of(), LocalDate.of(2027, 1, 1), null, false, OSL);
            assertThat(engine(NOW, future).decide(SKV, ALLOWED).reason()).isEqualTo(RejectionCode.AGREEMENT_NOT_VALID);
        }
    }

    @Test
    void classificationAtTheCeilingIsAllowedAndAboveIsNot() {
        var engine = engine(NOW, agreement("a", List.of(), LocalDate.of(2025, 1, 1), null, false, OSL));
        assertThat(engine.decide(SKV, envelope(FK + ".kontroll", DisclosureMode.OWN_INITIATIVE,
                "felaktiga-utbetalningar", Classification.HIGH)).reason())
                .isEqualTo(RejectionCode.CLASSIFICATION_ABOVE_CEILING);
    }
    static final AllowedLegalBasis ON_REQUEST = new AllowedLegalBasis("SFS 2009:400", "10 kap. 15 a §",
            List.of(DisclosureMode.ON_REQUEST), List.of("felaktiga-utbetalningar"));

    /** Skatteverket answers queries at kontroll, not at folkbokforing. */
    static PolicyEngine requestEngine(Agreement agreement) {
        Registry registry = new Registry(List.of(new Participant(SKV, "Skatteverket", null),
                new Participant(FK, "Försäkringskassan", null)),
                List.of(new Mailbox(SKV + ".kontroll", SKV, null, null, null, "https://skv.example/query"),
                        new Mailbox(SKV + ".folkbokforing", SKV, null, null), new Mailbox(FK + ".kontroll", FK, null, null)),
                List.of(new Product("inkomstuppgift", "Inkomstuppgift", null, Classification.SUBSTANTIAL, true, 1024)),
                List.of(agreement));
        return new PolicyEngine(registry, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static final Envelope REQUEST = envelope(SKV + ".kontroll", DisclosureMode.ON_REQUEST, "felaktiga-utbetalningar",
            Classification.SUBSTANTIAL);

    @Test
    void consumerMayAskTheProducerOnRequest() {
        var engine = requestEngine(agreement("a", List.of(), LocalDate.of(2025, 1, 1), null, false, ON_REQUEST));
        assertThat(engine.decideRequest(FK, REQUEST)).isEqualTo(PolicyDecision.accept("a"));
        assertThat(engine.decideRequest(SKV, REQUEST).reason()).as("the producer asking itself")
                .isEqualTo(RejectionCode.NO_AGREEMENT);
    }

    @Test
    void requestNeedsAQueryEndpointTheRightModeAndNoReview() {
        var engine = requestEngine(agreement("a", List.of(), LocalDate.of(2025, 1, 1), null, false, ON_REQUEST));
        var toFolkbokforing = envelope(SKV + ".folkbokforing", DisclosureMode.ON_REQUEST, "felaktiga-utbetalningar",
                Classification.SUBSTANTIAL);
        assertThat(engine.decideRequest(FK, toFolkbokforing).reason()).isEqualTo(RejectionCode.NO_QUERY_ENDPOINT);
        var ownInitiative = envelope(SKV + ".kontroll", DisclosureMode.OWN_INITIATIVE, "felaktiga-utbetalningar",
                Classification.SUBSTANTIAL);
        assertThat(engine.decideRequest(FK, ownInitiative).reason())
                .isEqualTo(RejectionCode.DISCLOSURE_MODE_NOT_ALLOWED);
        var reviewed = requestEngine(agreement("r", List.of(), LocalDate.of(2025, 1, 1), null, true, ON_REQUEST));
        assertThat(reviewed.decideRequest(FK, REQUEST).reason()).isEqualTo(RejectionCode.REVIEW_REQUIRED);
    }

    @Test
    void replyMustCarryALegalBasisTheAgreementAllowsOnRequest() {
        var engine = requestEngine(agreement("a", List.of(), LocalDate.of(2025, 1, 1), null, false, ON_REQUEST));
        LegalBasis allowed = REQUEST.legalBasis();
        LegalBasis otherProvision = new LegalBasis("SFS 2009:400", "1 kap. 1 §", DisclosureMode.ON_REQUEST,
                "felaktiga-utbetalningar", Classification.SUBSTANTIAL, true, SKV, "P5Y", null);
        LegalBasis otherMode = new LegalBasis("SFS 2009:400", "10 kap. 15 a §", DisclosureMode.OWN_INITIATIVE,
                "felaktiga-utbetalningar", Classification.SUBSTANTIAL, true, SKV, "P5Y", null);
        assertThat(engine.checkReply("a", allowed)).isEqualTo(PolicyDecision.accept("a"));
        assertThat(engine.checkReply("a", otherProvision).reason())
                .isEqualTo(RejectionCode.REPLY_LEGAL_BASIS_NOT_ALLOWED);
        assertThat(engine.checkReply("a", otherMode).reason()).isEqualTo(RejectionCode.REPLY_LEGAL_BASIS_NOT_ALLOWED);
    }

    @Nested
    class Feeds {

        final AllowedLegalBasis byFeed = new AllowedLegalBasis("SFS 2009:400", "10 kap. 15 a §",
                List.of(DisclosureMode.SUBSCRIPTION), List.of("felaktiga-utbetalningar"));
        final LegalBasis feedTag = new LegalBasis("SFS 2009:400", "10 kap. 15 a §", DisclosureMode.SUBSCRIPTION,
                "felaktiga-utbetalningar", Classification.SUBSTANTIAL, true, null, "P1Y", null);

        @Test
        void onlyTheProducerOfAnAgreementAllowingSubscriptionPublishes() {
            var engine = engine(NOW, agreement("feed", List.of(), LocalDate.of(2025, 1, 1), null, false, byFeed));
            assertThat(engine.decidePublication(SKV, "inkomstuppgift", feedTag)).isEqualTo(PolicyDecision.accept("feed"));
            assertThat(engine.decidePublication(FK, "inkomstuppgift", feedTag).reason())
                    .isEqualTo(RejectionCode.NOT_PRODUCER);
            assertThat(engine.decidePublication(SKV, "okand", feedTag).reason()).isEqualTo(RejectionCode.UNKNOWN_PRODUCT);
            var ownInitiative = new LegalBasis("SFS 2009:400", "10 kap. 15 a §", DisclosureMode.OWN_INITIATIVE,
                    "felaktiga-utbetalningar", Classification.SUBSTANTIAL, true, null, "P1Y", null);
            assertThat(engine.decidePublication(SKV, "inkomstuppgift", ownInitiative).reason())
                    .isEqualTo(RejectionCode.DISCLOSURE_MODE_NOT_ALLOWED);
        }

        @Test
        void aFeedCannotWaitForAReviewOfEachEvent() {
            var engine = engine(NOW, agreement("reviewed", List.of(), LocalDate.of(2025, 1, 1), null, true, byFeed));
            assertThat(engine.decidePublication(SKV, "inkomstuppgift", feedTag).reason())
                    .isEqualTo(RejectionCode.REVIEW_REQUIRED);
            assertThat(engine.allowsSubscriptionDelivery("reviewed", feedTag)).isFalse();
        }

        @Test
        void aSubscriptionNeedsAValidAgreementNamingTheConsumerAndAllowingSubscription() {
            var engine = engine(NOW, agreement("feed", List.of(), LocalDate.of(2025, 1, 1), null, false, byFeed),
                    agreement("messages", List.of(), LocalDate.of(2025, 1, 1), null, false, OSL));
            assertThat(engine.decideSubscription(FK, "inkomstuppgift")).isEqualTo(PolicyDecision.accept("feed"));
            assertThat(engine.decideSubscription("2021000076", "inkomstuppgift").reason())
                    .isEqualTo(RejectionCode.NO_AGREEMENT);

            var messagesOnly = engine(NOW, agreement("messages", List.of(), LocalDate.of(2025, 1, 1), null, false, OSL));
            assertThat(messagesOnly.decideSubscription(FK, "inkomstuppgift").reason())
                    .isEqualTo(RejectionCode.DISCLOSURE_MODE_NOT_ALLOWED);
            var expired = engine(NOW, agreement("old", List.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                    false, byFeed));
            assertThat(expired.decideSubscription(FK, "inkomstuppgift").reason())
                    .isEqualTo(RejectionCode.AGREEMENT_NOT_VALID);
        }

        @Test
        void eachEventIsDeliveredOnlyUnderALegalBasisTheSubscribersAgreementAllows() {
            var engine = engine(NOW, agreement("feed", List.of(), LocalDate.of(2025, 1, 1), null, false, byFeed));
            assertThat(engine.allowsSubscriptionDelivery("feed", feedTag)).isTrue();
            var otherPurpose = new LegalBasis("SFS 2009:400", "10 kap. 15 a §", DisclosureMode.SUBSCRIPTION,
                    "tillsyn", Classification.SUBSTANTIAL, true, null, "P1Y", null);
            assertThat(engine.allowsSubscriptionDelivery("feed", otherPurpose)).isFalse();
            var tooHigh = new LegalBasis("SFS 2009:400", "10 kap. 15 a §", DisclosureMode.SUBSCRIPTION,
                    "felaktiga-utbetalningar", Classification.SERIOUS, true, null, "P1Y", null);
            assertThat(engine.allowsSubscriptionDelivery("feed", tooHigh)).isFalse();
            assertThat(engine.allowsSubscriptionDelivery("gone", feedTag)).isFalse();
            var later = engine(Instant.parse("2024-06-01T10:00:00Z"),
                    agreement("feed", List.of(), LocalDate.of(2025, 1, 1), null, false, byFeed));
            assertThat(later.allowsSubscriptionDelivery("feed", feedTag)).as("before the agreement starts").isFalse();
        }
    }
}
