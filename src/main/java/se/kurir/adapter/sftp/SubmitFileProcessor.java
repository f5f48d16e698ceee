package se.kurir.adapter.sftp;

import java.net.URLConnection;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.adapter.pipeline.PipelineIngress;
import se.kurir.delivery.IntakeResult;
import se.kurir.delivery.MessageState;
import se.kurir.delivery.Submission;
import se.kurir.payload.StoredPayload;
import se.kurir.policy.RejectionCode;

/**
 * Sends the stored file into the pipeline as a message from the outbox's participant. A message the pipeline rejects
 * (policy, or a payload that is not the one the manifest declares) is refused as a file as well, with its code.
 */
@Component
final class SubmitFileProcessor implements Processor {

    private final PipelineIngress pipeline;
    private final FilePickupRepository pickups;
    private final FileRefusals refusals;

    SubmitFileProcessor(PipelineIngress pipeline, FilePickupRepository pickups, FileRefusals refusals) {
        this.pipeline = pipeline;
        this.pickups = pickups;
        this.refusals = refusals;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        FilePickup pickup = FileExchange.pickup(exchange);
        FileOutbox outbox = FileExchange.outbox(exchange);
        StoredPayload payload = exchange.getProperty(FileExchange.STORED, StoredPayload.class);
        String mediaType = URLConnection.guessContentTypeFromName(pickup.fileName());
        IntakeResult result = pipeline.submit(new Submission(outbox.participant(), pickup.envelope(), payload,
                mediaType == null ? "application/octet-stream" : mediaType, outbox.server().protocol().name()));
        if (result.admission() == MessageState.REJECTED) {
            RejectionCode code = RejectionCode.valueOf(result.message().reasonCode());
            refusals.refuse(exchange, pickup.failing(code, "the message was rejected (" + code + "); see its "
                    + "receipts, messageId " + result.messageId()), true);
            return;
        }
        FilePickup sent = pickup.sent(result.messageId());
        pickups.save(sent);
        exchange.setProperty(FileExchange.PICKUP, sent);
    }
}
