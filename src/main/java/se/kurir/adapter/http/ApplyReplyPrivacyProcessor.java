package se.kurir.adapter.http;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.delivery.QueryReply;
import se.kurir.delivery.QueryRequest;
import se.kurir.delivery.RequestRefusedException;
import se.kurir.delivery.Requests;
import se.kurir.payload.Sha256;
import se.kurir.policy.RejectionCode;
import se.kurir.privacy.DocumentPrivacy;
import se.kurir.privacy.PrivacyContext;
import se.kurir.registry.Registry;

/**
 * Runs the agreement's privacy step on a reply before the requester sees it, as the ingress pipeline does for
 * messages: the requester is the recipient, the reply's legal basis names the purpose.
 */
@Component
class ApplyReplyPrivacyProcessor implements Processor {

    private final Registry registry;
    private final DocumentPrivacy privacy;
    private final Requests requests;

    ApplyReplyPrivacyProcessor(Registry registry, DocumentPrivacy privacy, Requests requests) {
        this.registry = registry;
        this.privacy = privacy;
        this.requests = requests;
    }

    @Override
    public void process(Exchange exchange) {
        QueryRequest request = exchange.getProperty(AdmitRequestProcessor.REQUEST, QueryRequest.class);
        Requests.Admission admission = exchange.getProperty(AdmitRequestProcessor.ADMISSION, Requests.Admission.class);
        QueryReply reply = exchange.getIn().getBody(QueryReply.class);
        var plan = registry.agreement(admission.agreementId()).flatMap(a -> a.privacyFor(request.requester()));
        if (plan.isEmpty()) {
            return;
        }
        var context = new PrivacyContext(request.requestId(), request.envelope().recipientParticipant(),
                request.requester(), null, request.envelope().product(), admission.agreementId(),
                reply.legalBasis().purpose(), reply.legalBasis().summary(), "application/json");
        byte[] transformed = privacy.apply(plan.get(), context, List.of(reply.reply())).get(0);
        if (transformed == null) {
            throw requests.failed(request, admission, RequestRefusedException.Kind.BAD_REPLY,
                    RejectionCode.PRIVACY_INPUT_INVALID, "reply: does not fit the privacy step of agreement "
                            + admission.agreementId() + "; the reply was withheld");
        }
        exchange.getIn().setBody(new QueryReply(reply.legalBasis(), transformed, Sha256.of(transformed)));
    }
}
