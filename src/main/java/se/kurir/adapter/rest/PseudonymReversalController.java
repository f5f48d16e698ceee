package se.kurir.adapter.rest;

import java.security.Principal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kurir.privacy.PseudonymReversal;
import se.kurir.problem.CommonProblem;

/**
 * Re-identification of an FF1 pseudonym, for the holders of the {@code REIDENTIFIER} role only (not operators as
 * such): each answer is audited with the case it was asked for.
 */
@RestController
@RequestMapping("/api/v1/privacy/reversals")
class PseudonymReversalController {

    private final PseudonymReversal reversal;

    PseudonymReversalController(PseudonymReversal reversal) {
        this.reversal = reversal;
    }

    /**
     * @param recipient the participant the pseudonym was made for
     * @param purpose the purpose it was made under (the message's legal basis)
     * @param keyVersion the key version the envelope recorded ({@code kurir.privacy.keyVersion})
     * @param caseReference the case that needs the identity, for the audit record
     */
    record ReversalRequest(String agreement, String recipient, String purpose, Integer keyVersion, String pseudonym,
            String caseReference) {
    }

    record ReversalAnswer(String value, int keyVersion) {
    }

    @PostMapping
    ReversalAnswer reverse(@RequestBody ReversalRequest request, Principal caller) {
        require(request.agreement(), "agreement");
        require(request.recipient(), "recipient");
        require(request.purpose(), "purpose");
        require(request.pseudonym(), "pseudonym");
        if (request.keyVersion() == null) {
            throw new BadRequestException(CommonProblem.FIELD_REQUIRED, "keyVersion: is required");
        }
        return new ReversalAnswer(reversal.reverse(caller.getName(), request.agreement(), request.recipient(),
                request.purpose(), request.keyVersion(), request.pseudonym(), request.caseReference()),
                request.keyVersion());
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(CommonProblem.FIELD_REQUIRED, field + ": is required");
        }
    }
}
