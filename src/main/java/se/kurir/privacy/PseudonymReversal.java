package se.kurir.privacy;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.policy.RejectionCode;
import se.kurir.problem.CommonProblem;
import se.kurir.registry.Agreement;
import se.kurir.registry.PrivacyPlan;
import se.kurir.registry.Registry;

/**
 * Re-identification: deciphers an FF1 pseudonym back to the identity number it was made from. Only the key holder
 * (this gateway) can, only an operator with the re-identification role may ask, only with a case reference, and
 * every answer is an audit record naming who asked, for which agreement, recipient, purpose and key version; never
 * the number or the pseudonym.
 */
@Service
public class PseudonymReversal {

    private final Registry registry;
    private final PrivacyKeys keys;
    private final AuditLog audit;

    PseudonymReversal(Registry registry, PrivacyKeys keys, AuditLog audit) {
        this.registry = registry;
        this.keys = keys;
        this.audit = audit;
    }

    /**
     * @param recipient the participant the pseudonym was made for
     * @param purpose the purpose it was made under
     * @throws ReversalRefusedException naming the field that does not hold
     */
    public String reverse(String operator, String agreementId, String recipient, String purpose, int keyVersion,
            String pseudonym, String caseReference) {
        if (caseReference == null || caseReference.isBlank()) {
            throw new ReversalRefusedException(CommonProblem.FIELD_REQUIRED, "caseReference: is required");
        }
        Agreement agreement = registry.agreement(agreementId)
                .orElseThrow(() -> new ReversalRefusedException(PrivacyProblem.UNKNOWN_AGREEMENT,
                        "agreement: no agreement "
                        + agreementId));
        PrivacyPlan plan = agreement.privacyFor(recipient)
                .filter(p -> PseudonymisationStep.rules(p).stream()
                        .anyMatch(r -> r.getValue().action() == FieldRule.Action.FPE))
                .orElseThrow(() -> new ReversalRefusedException(PrivacyProblem.NOT_REVERSIBLE, "agreement: "
                        + agreementId
                        + " makes no reversible (fpe) pseudonyms for " + recipient));
        if (agreement.legalBases().stream().noneMatch(b -> b.purposes().contains(purpose))) {
            throw new ReversalRefusedException(RejectionCode.PURPOSE_NOT_ALLOWED, "purpose: not a purpose of agreement "
                    + agreementId);
        }
        if (!keys.hasVersion(plan.key(), keyVersion)) {
            throw new ReversalRefusedException(PrivacyProblem.UNKNOWN_KEY_VERSION, "keyVersion: key " + plan.key()
                    + " has no version " + keyVersion);
        }
        String original;
        try {
            original = new FormatPreservingCipher(keys.derive(plan.key(), keyVersion, PseudonymisationStep.FPE_USE,
                    recipient, purpose), false).apply(pseudonym);
        } catch (IllegalArgumentException e) {
            throw new ReversalRefusedException(PrivacyProblem.INVALID_PSEUDONYM, "pseudonym: " + e.getMessage());
        }
        Map<String, String> details = new TreeMap<>();
        details.put("agreement", agreementId);
        details.put("recipient", recipient);
        details.put("purpose", purpose);
        details.put("key", plan.key());
        details.put("keyVersion", Integer.toString(keyVersion));
        details.put("caseReference", caseReference);
        audit.append(new AuditEvent(AuditEventType.PSEUDONYM_REVERSED, operator, null, agreement.producer(), null,
                agreement.product(), null, null, details));
        return original;
    }
}
