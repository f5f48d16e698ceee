package se.kurir.adapter.sftp;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Looks up what the manifest said about the data file in hand (the route's filter let through only those). A data
 * file whose manifest was refused follows it into error/, and its pickup is closed.
 */
@Component
final class FindPickupProcessor implements Processor {

    private final FilePickupRepository pickups;

    FindPickupProcessor(FilePickupRepository pickups) {
        this.pickups = pickups;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        FileOutbox outbox = FileExchange.outbox(exchange);
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        FilePickup pickup = pickups.find(outbox.name(), fileName).orElseThrow(() -> new IllegalStateException(
                "data file " + fileName + " has no manifest record"));
        if (pickup.state() == FilePickup.State.REFUSED) {
            pickup = pickup.closed();
            pickups.save(pickup);
        }
        exchange.setProperty(FileExchange.PICKUP, pickup);
        exchange.setProperty(FileExchange.FOLDER, pickup.folder());
    }
}
