package se.kurir.adapter.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.delivery.QueryReply;
import se.kurir.delivery.QueryRequest;
import se.kurir.delivery.Requests;

/** The reply's own legal basis against the agreement, and the audit record of the reply. */
@Component
class CheckReplyProcessor implements Processor {

    private final Requests requests;

    CheckReplyProcessor(Requests requests) {
        this.requests = requests;
    }

    @Override
    public void process(Exchange exchange) {
        requests.replied(exchange.getProperty(AdmitRequestProcessor.REQUEST, QueryRequest.class),
                exchange.getProperty(AdmitRequestProcessor.ADMISSION, Requests.Admission.class),
                exchange.getIn().getBody(QueryReply.class));
    }
}
