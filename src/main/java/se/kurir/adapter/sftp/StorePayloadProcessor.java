package se.kurir.adapter.sftp;

import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import se.kurir.delivery.MessageIntake;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.policy.RejectionCode;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * Streams the data file from the server into the payload store, under its product's size limit. A broken connection
 * fails the exchange: the file stays in the outbox and is taken again, whole, at the next poll.
 */
@Component
final class StorePayloadProcessor implements Processor {

    private final PayloadStore payloads;
    private final Registry registry;
    private final MessageIntake intake;
    private final FileRefusals refusals;

    StorePayloadProcessor(PayloadStore payloads, Registry registry, MessageIntake intake, FileRefusals refusals) {
        this.payloads = payloads;
        this.registry = registry;
        this.intake = intake;
        this.refusals = refusals;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        FilePickup pickup = FileExchange.pickup(exchange);
        FileOutbox outbox = FileExchange.outbox(exchange);
        long limit = registry.product(pickup.envelope().product()).map(Product::maxPayloadBytes)
                .orElse(payloads.defaultLimit());
        try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class)) {
            exchange.setProperty(FileExchange.STORED, payloads.store(in, limit));
        } catch (PayloadTooLargeException e) {
            intake.refuseOversize(outbox.participant(), pickup.envelope(), limit, outbox.server().protocol().name());
            refusals.refuse(exchange, pickup.failing(RejectionCode.PAYLOAD_TOO_LARGE, "payload: " + e.getMessage()),
                    true);
        }
    }
}
