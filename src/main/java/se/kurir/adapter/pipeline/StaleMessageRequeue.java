package se.kurir.adapter.pipeline;

import org.springframework.stereotype.Component;
import se.kurir.delivery.MailboxDelivery;

/** Called by the {@code pipeline-requeue-stale} YAML route on its timer. */
@Component("staleMessageRequeue")
final class StaleMessageRequeue {

    private final MailboxDelivery delivery;
    private final PipelineProperties properties;

    StaleMessageRequeue(MailboxDelivery delivery, PipelineProperties properties) {
        this.delivery = delivery;
        this.properties = properties;
    }

    public int run() {
        return delivery.requeueStale(properties.requeueAfter(), properties.requeueBatch());
    }
}
