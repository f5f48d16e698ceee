package se.kurir.adapter.http;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirRouteConfigurations;
import se.kurir.adapter.pipeline.PipelineIngress;

/**
 * Request/reply, while the requester waits: policy and audit -> ask the answerer -> check and audit the reply ->
 * the agreement's privacy step on the reply. The
 * body goes in as a {@link se.kurir.delivery.QueryRequest} and comes out as the {@link se.kurir.delivery.QueryReply}.
 */
@Component
public final class RequestReplyRoutes extends RouteBuilder {


    private final AdmitRequestProcessor admitRequest;
    private final AskAnswererProcessor askAnswerer;
    private final CheckReplyProcessor checkReply;
    private final ApplyReplyPrivacyProcessor applyReplyPrivacy;

    RequestReplyRoutes(AdmitRequestProcessor admitRequest, AskAnswererProcessor askAnswerer,
            CheckReplyProcessor checkReply, ApplyReplyPrivacyProcessor applyReplyPrivacy) {
        this.admitRequest = admitRequest;
        this.askAnswerer = askAnswerer;
        this.checkReply = checkReply;
        this.applyReplyPrivacy = applyReplyPrivacy;
    }

    @Override
    public void configure() {
        from(PipelineIngress.REQUEST_REPLY).routeId("request-reply")
                .routeConfigurationId(KurirRouteConfigurations.DEFAULT)
                .process(admitRequest).id("request-reply-admit")
                .process(askAnswerer).id("request-reply-ask")
                .process(checkReply).id("request-reply-check")
                .process(applyReplyPrivacy).id("request-reply-privacy");
    }
}
