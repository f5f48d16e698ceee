package se.kurir.adapter.pipeline;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.kurir.adapter.RouteLogCode;
import se.kurir.delivery.IntakeResult;

/**
 * The answer to a caller whose message was admitted is its admission, whatever became of the hand-over to the mailbox
 * queue: admitted is recorded, and {@code pipeline-requeue-stale} repeats a hand-over that failed, so the caller hears
 * 202 and is not told to send again what the gateway already keeps.
 */
final class DeferFailedHandOver implements AggregationStrategy {

    private static final Logger log = LoggerFactory.getLogger(DeferFailedHandOver.class);

    @Override
    public Exchange aggregate(Exchange admitted, Exchange handOver) {
        if (handOver != null && handOver.getException() != null) {
            log.warn(RouteLogCode.HAND_OVER_DEFERRED + " message {} admitted but not handed over to its mailbox "
                    + "queue ({}); pipeline-requeue-stale hands it over again",
                    admitted.getIn().getBody(IntakeResult.class).messageId(), handOver.getException().getMessage());
        }
        return admitted;
    }
}
