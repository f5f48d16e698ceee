package se.kurir.policy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.kurir.envelope.DisclosureMode;
import se.kurir.envelope.Envelope;
import se.kurir.envelope.LegalBasis;
import se.kurir.registry.Agreement;
import se.kurir.registry.AllowedLegalBasis;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * Checks a message against the agreements. When several agreements could cover the message, the first that allows it
 * wins; when none does, the answer names the reason from the agreement that came closest, since that is the one the
 * sender most likely meant.
 */
@Service
public class PolicyEngine {

    /** Checks in the order they are made; a later stage means the agreement came closer to allowing the message. */
    private static final List<RejectionCode> STAGES = List.of(RejectionCode.AGREEMENT_NOT_VALID,
            RejectionCode.CLASSIFICATION_ABOVE_CEILING, RejectionCode.LEGAL_BASIS_NOT_ALLOWED,
            RejectionCode.DISCLOSURE_MODE_NOT_ALLOWED, RejectionCode.PURPOSE_NOT_ALLOWED);

    private final Registry registry;
    private final Clock clock;

    public PolicyEngine(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public PolicyDecision decide(String sender, Envelope envelope) {
        if (registry.mailbox(envelope.recipient()).isEmpty()) {
            return PolicyDecision.reject(RejectionCode.UNKNOWN_RECIPIENT, null);
        }
        if (registry.product(envelope.product()).isEmpty()) {
            return PolicyDecision.reject(RejectionCode.UNKNOWN_PRODUCT, null);
        }
        return firstAllowing(registry.agreementsCovering(envelope.product(), sender, envelope.recipient()),
                envelope.legalBasis());
    }

    /**
     * A synchronous request (need C): the requester asks the owner of the recipient mailbox, which must answer
     * queries. The data flow against the request, so the agreement must name the answerer as producer and the
     * requester as consumer, and allow disclosure ON_REQUEST. A request cannot wait for a person's review.
     */
    public PolicyDecision decideRequest(String requester, Envelope envelope) {
        Optional<Mailbox> answerer = registry.mailbox(envelope.recipient());
        if (answerer.isEmpty()) {
            return PolicyDecision.reject(RejectionCode.UNKNOWN_RECIPIENT, null);
        }
        if (!answerer.get().answersQueries()) {
            return PolicyDecision.reject(RejectionCode.NO_QUERY_ENDPOINT, null);
        }
        if (registry.product(envelope.product()).isEmpty()) {
            return PolicyDecision.reject(RejectionCode.UNKNOWN_PRODUCT, null);
        }
        if (envelope.legalBasis().disclosureMode() != DisclosureMode.ON_REQUEST) {
            return PolicyDecision.reject(RejectionCode.DISCLOSURE_MODE_NOT_ALLOWED, null);
        }
        return withoutReview(firstAllowing(registry.agreementsCoveringRequest(envelope.product(), requester,
                answerer.get().participant()), envelope.legalBasis()));
    }

    /** The reply carries its own legal basis, which must be one the request's agreement allows ON_REQUEST. */
    public PolicyDecision checkReply(String agreementId, LegalBasis reply) {
        Agreement agreement = registry.agreement(agreementId).orElseThrow();
        PolicyDecision decision = reply.disclosureMode() == DisclosureMode.ON_REQUEST ? evaluate(agreement, reply)
                : PolicyDecision.reject(RejectionCode.DISCLOSURE_MODE_NOT_ALLOWED, agreementId);
        return decision.isRejected()
                ? PolicyDecision.reject(RejectionCode.REPLY_LEGAL_BASIS_NOT_ALLOWED, agreementId)
                : PolicyDecision.accept(agreementId);
    }

    /**
     * An event for a product's change feed: the publisher must be the producer of an agreement for the product that
     * allows this legal basis with disclosure SUBSCRIPTION. Nobody can review each event for each subscriber, so an
     * agreement that wants review cannot carry a feed.
     */
    public PolicyDecision decidePublication(String publisher, String product, LegalBasis tag) {
        if (registry.product(product).isEmpty()) {
            return PolicyDecision.reject(RejectionCode.UNKNOWN_PRODUCT, null);
        }
        if (tag.disclosureMode() != DisclosureMode.SUBSCRIPTION) {
            return PolicyDecision.reject(RejectionCode.DISCLOSURE_MODE_NOT_ALLOWED, null);
        }
        List<Agreement> produced = registry.agreements().stream()
                .filter(a -> a.product().equals(product) && a.producer().equals(publisher)).toList();
        if (produced.isEmpty()) {
            return PolicyDecision.reject(RejectionCode.NOT_PRODUCER, null);
        }
        return withoutReview(firstAllowing(produced, tag));
    }

    /**
     * A subscription: the consumer needs an agreement for the product, valid today, that names it as consumer and
     * allows disclosure SUBSCRIPTION under some legal basis. The first such agreement carries the subscription.
     */
    public PolicyDecision decideSubscription(String consumer, String product) {
        if (registry.product(product).isEmpty()) {
            return PolicyDecision.reject(RejectionCode.UNKNOWN_PRODUCT, null);
        }
        List<Agreement> candidates = registry.agreements().stream()
                .filter(a -> a.product().equals(product) && a.consumer(consumer).isPresent()).toList();
        if (candidates.isEmpty()) {
            return PolicyDecision.reject(RejectionCode.NO_AGREEMENT, null);
        }
        PolicyDecision closest = null;
        for (Agreement agreement : candidates) {
            boolean subscribable = agreement.legalBases().stream()
                    .anyMatch(b -> b.disclosureModes().contains(DisclosureMode.SUBSCRIPTION));
            PolicyDecision decision = !agreement.isValidAt(clock.instant())
                    ? PolicyDecision.reject(RejectionCode.AGREEMENT_NOT_VALID, agreement.id())
                    : subscribable ? PolicyDecision.accept(agreement.id())
                    : PolicyDecision.reject(RejectionCode.DISCLOSURE_MODE_NOT_ALLOWED, agreement.id());
            if (!decision.isRejected()) {
                return decision;
            }
            closest = closest == null ? decision : later(closest, decision);
        }
        return closest;
    }

    /**
     * Whether one event may reach a subscriber under the subscription's agreement: the agreement is still valid and
     * allows the event's own legal basis for disclosure by subscription. Checked for every event and subscriber,
     * since one feed serves subscribers under different agreements.
     */
    public boolean allowsSubscriptionDelivery(String agreementId, LegalBasis eventTag) {
        return eventTag.disclosureMode() == DisclosureMode.SUBSCRIPTION && registry.agreement(agreementId)
                .map(a -> withoutReview(evaluate(a, eventTag)).outcome() == PolicyDecision.Outcome.ACCEPT)
                .orElse(false);
    }

    private static PolicyDecision withoutReview(PolicyDecision decision) {
        return decision.outcome() == PolicyDecision.Outcome.REVIEW
                ? PolicyDecision.reject(RejectionCode.REVIEW_REQUIRED, decision.agreementId())
                : decision;
    }

    private PolicyDecision firstAllowing(List<Agreement> candidates, LegalBasis tag) {
        if (candidates.isEmpty()) {
            return PolicyDecision.reject(RejectionCode.NO_AGREEMENT, null);
        }
        PolicyDecision closest = null;
        for (Agreement agreement : candidates) {
            PolicyDecision decision = evaluate(agreement, tag);
            if (!decision.isRejected()) {
                return decision;
            }
            closest = closest == null ? decision : later(closest, decision);
        }
        return closest;
    }

    private PolicyDecision evaluate(Agreement agreement, LegalBasis tag) {
        if (!agreement.isValidAt(clock.instant())) {
            return PolicyDecision.reject(RejectionCode.AGREEMENT_NOT_VALID, agreement.id());
        }
        if (tag.classification().isAbove(agreement.classificationCeiling())) {
            return PolicyDecision.reject(RejectionCode.CLASSIFICATION_ABOVE_CEILING, agreement.id());
        }
        List<AllowedLegalBasis> bases = agreement.legalBases().stream()
                .filter(b -> b.matches(tag.statute(), tag.provision())).toList();
        if (bases.isEmpty()) {
            return PolicyDecision.reject(RejectionCode.LEGAL_BASIS_NOT_ALLOWED, agreement.id());
        }
        List<AllowedLegalBasis> modes = bases.stream()
                .filter(b -> b.disclosureModes().contains(tag.disclosureMode())).toList();
        if (modes.isEmpty()) {
            return PolicyDecision.reject(RejectionCode.DISCLOSURE_MODE_NOT_ALLOWED, agreement.id());
        }
        if (modes.stream().noneMatch(b -> b.purposes().contains(tag.purpose()))) {
            return PolicyDecision.reject(RejectionCode.PURPOSE_NOT_ALLOWED, agreement.id());
        }
        return agreement.reviewRequired() ? PolicyDecision.review(agreement.id())
                : PolicyDecision.accept(agreement.id());
    }

    private static PolicyDecision later(PolicyDecision a, PolicyDecision b) {
        return STAGES.indexOf(b.reason()) > STAGES.indexOf(a.reason()) ? b : a;
    }
}
