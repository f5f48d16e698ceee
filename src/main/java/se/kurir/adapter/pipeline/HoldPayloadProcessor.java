package se.kurir.adapter.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.delivery.Submission;
import se.kurir.payload.PayloadStore;

/** First step of the pipeline: the exchange now holds the submission's payload until it completes. */
@Component
final class HoldPayloadProcessor implements Processor {

    private final PayloadStore store;

    HoldPayloadProcessor(PayloadStore store) {
        this.store = store;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        HeldPayloads.takeOver(exchange, store, exchange.getIn().getMandatoryBody(Submission.class).payload());
    }
}
