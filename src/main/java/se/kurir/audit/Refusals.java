package se.kurir.audit;

import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import se.kurir.policy.RejectionCode;

/**
 * Records every input the gateway refused before it became a message (a malformed request, a repeated part, an
 * over-long field, a body over its cap): who sent it, through which channel, the code and the field it named. Never
 * the input itself. Refusals that already have a record of their own (a message rejected by policy, an oversize or
 * altered payload) are not recorded twice.
 */
@Service
public class Refusals {

    private static final Set<String> RECORDED_ELSEWHERE = Set.of(RejectionCode.PAYLOAD_TOO_LARGE.name(),
            RejectionCode.PAYLOAD_DIGEST_MISMATCH.name());

    private final AuditLog audit;

    Refusals(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * @param actor the authenticated caller, or {@code anonymous}
     * @param channel REST, BROKER, SFTP, ...
     * @param where what was addressed: {@code POST /api/v1/uploads}, a queue, an outbox
     */
    public void record(String actor, String channel, String code, String field, String where) {
        if (RECORDED_ELSEWHERE.contains(code)) {
            return;
        }
        audit.append(new AuditEvent(AuditEventType.REQUEST_REFUSED, actor, null, null, null, null, code, null,
                Map.of("channel", channel, "field", field == null ? "" : field, "where", where)));
    }
}
