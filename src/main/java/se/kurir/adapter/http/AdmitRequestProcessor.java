package se.kurir.adapter.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.delivery.QueryRequest;
import se.kurir.delivery.Requests;

/** Policy and audit of the request; a refusal is thrown back to the requester, nothing is sent. */
@Component
class AdmitRequestProcessor implements Processor {

    static final String REQUEST = "kurir.request";
    static final String ADMISSION = "kurir.admission";

    private final Requests requests;

    AdmitRequestProcessor(Requests requests) {
        this.requests = requests;
    }

    @Override
    public void process(Exchange exchange) {
        QueryRequest request = exchange.getIn().getBody(QueryRequest.class);
        exchange.setProperty(REQUEST, request);
        exchange.setProperty(ADMISSION, requests.admit(request));
    }
}
