package se.kurir.policy;

/**
 * The outcome of the policy check for one message.
 *
 * @param agreementId the agreement the decision rests on; null when none applied
 * @param reason set only for REJECT
 */
public record PolicyDecision(Outcome outcome, String agreementId, RejectionCode reason) {

    public enum Outcome { ACCEPT, REJECT, REVIEW }

    public static PolicyDecision accept(String agreementId) {
        return new PolicyDecision(Outcome.ACCEPT, agreementId, null);
    }

    public static PolicyDecision review(String agreementId) {
        return new PolicyDecision(Outcome.REVIEW, agreementId, null);
    }

    public static PolicyDecision reject(RejectionCode reason, String agreementId) {
        return new PolicyDecision(Outcome.REJECT, agreementId, reason);
    }

    public boolean isRejected() {
        return outcome == Outcome.REJECT;
    }
}
