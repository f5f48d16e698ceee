package se.kurir.adapter.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.delivery.QueryRequest;
import se.kurir.delivery.RequestRefusedException;
import se.kurir.delivery.Requests;

/** Asks the answerer's query endpoint; no answer, or an unusable one, is audited and becomes a clear refusal. */
@Component
class AskAnswererProcessor implements Processor {

    private final QueryClient client;
    private final Requests requests;

    AskAnswererProcessor(QueryClient client, Requests requests) {
        this.client = client;
        this.requests = requests;
    }

    @Override
    public void process(Exchange exchange) {
        QueryRequest request = exchange.getProperty(AdmitRequestProcessor.REQUEST, QueryRequest.class);
        Requests.Admission admission = exchange.getProperty(AdmitRequestProcessor.ADMISSION, Requests.Admission.class);
        try {
            exchange.getIn().setBody(client.ask(admission.queryUrl(), request));
        } catch (QueryClient.QueryFailedException e) {
            throw requests.failed(request, admission, e.timeout() ? RequestRefusedException.Kind.TIMEOUT
                    : RequestRefusedException.Kind.BAD_REPLY, e.code(), e.getMessage());
        }
    }
}
