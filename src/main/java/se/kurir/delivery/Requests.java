package se.kurir.delivery;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import se.kurir.audit.AuditEvent;
import se.kurir.audit.AuditEventType;
import se.kurir.audit.AuditLog;
import se.kurir.envelope.LegalBasis;
import se.kurir.policy.PolicyDecision;
import se.kurir.policy.PolicyEngine;
import se.kurir.policy.RejectionCode;
import se.kurir.problem.ProblemCode;
import se.kurir.registry.Registry;

/**
 * Request/reply (need C): the same policy and audit as a message, for a question answered while the requester
 * waits. The request and the reply are each audited, with their own legal basis; refusals and failures are audited
 * before the requester hears of them.
 */
@Service
public class Requests {

    private final PolicyEngine policy;
    private final Registry registry;
    private final AuditLog audit;

    Requests(PolicyEngine policy, Registry registry, AuditLog audit) {
        this.policy = policy;
        this.registry = registry;
        this.audit = audit;
    }

    /** What the policy allowed: the agreement the request rests on, and where the answerer takes questions. */
    public record Admission(String agreementId, String queryUrl) {
    }

    public Admission admit(QueryRequest request) {
        PolicyDecision decision = policy.decideRequest(request.requester(), request.envelope());
        if (decision.isRejected()) {
            RejectionCode code = decision.reason();
            audit.append(event(AuditEventType.REQUEST_REJECTED, request.requester(), request, decision.agreementId(),
                    code.name(), request.envelope().legalBasis(), Map.of()));
            throw new RequestRefusedException(RequestRefusedException.Kind.REJECTED, code, request.requestId(),
                    "legalBasis: the request was refused by policy (" + code + "); it was not sent");
        }
        audit.append(event(AuditEventType.REQUEST_SENT, request.requester(), request, decision.agreementId(), null,
                request.envelope().legalBasis(), Map.of("querySize", Integer.toString(request.query().length))));
        return new Admission(decision.agreementId(),
                registry.mailbox(request.envelope().recipient()).orElseThrow().queryUrl());
    }

    /** Checks the reply's own legal basis against the agreement; returns the reply when it may be disclosed. */
    public QueryReply replied(QueryRequest request, Admission admission, QueryReply reply) {
        PolicyDecision check = policy.checkReply(admission.agreementId(), reply.legalBasis());
        Map<String, String> digest = Map.of("sha256", reply.sha256(), "size", Integer.toString(reply.reply().length));
        String answerer = request.envelope().recipientParticipant();
        if (check.isRejected()) {
            RejectionCode code = check.reason();
            audit.append(event(AuditEventType.REQUEST_FAILED, answerer, request, admission.agreementId(), code.name(),
                    reply.legalBasis(), digest));
            throw new RequestRefusedException(RequestRefusedException.Kind.BAD_REPLY, code, request.requestId(),
                    "legalBasis: the reply's legal basis is not allowed by agreement " + admission.agreementId()
                            + "; the reply was withheld");
        }
        audit.append(event(AuditEventType.REPLY_RECEIVED, answerer, request, admission.agreementId(), null,
                reply.legalBasis(), digest));
        return reply;
    }

    /** Records that no usable reply came, and returns the refusal to throw. */
    public RequestRefusedException failed(QueryRequest request, Admission admission, RequestRefusedException.Kind kind,
            ProblemCode code, String detail) {
        audit.append(event(AuditEventType.REQUEST_FAILED, MessageAudit.GATEWAY, request, admission.agreementId(),
                code.name(),
                request.envelope().legalBasis(), Map.of("error", detail)));
        return new RequestRefusedException(kind, code, request.requestId(), detail);
    }

    private static AuditEvent event(AuditEventType type, String actor, QueryRequest request, String agreementId,
            String reasonCode, LegalBasis legalBasis, Map<String, String> extra) {
        var details = new TreeMap<>(extra);
        if (agreementId != null) {
            details.put("agreement", agreementId);
        }
        return new AuditEvent(type, actor, request.requestId(), request.requester(), request.envelope().recipient(),
                request.envelope().product(), reasonCode, legalBasis.summary(), details);
    }
}
