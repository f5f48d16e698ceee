package se.kurir.adapter.peer;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.kurir.delivery.PeerReceipts;
import se.kurir.registry.PeerNode;

/**
 * Sends each peer the receipts of the messages it forwarded here, as far as they have come, a batch at a time until
 * none are left. A peer that cannot take them now gets them next time, and is logged once per outage.
 */
final class RelayReceipts implements Processor {

    private static final Logger log = LoggerFactory.getLogger(RelayReceipts.class);

    private final List<PeerNode> peers;
    private final PeerReceipts receipts;
    private final PeerLink link;
    private final int batch;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    RelayReceipts(List<PeerNode> peers, PeerReceipts receipts, PeerLink link, int batch) {
        this.peers = peers;
        this.receipts = receipts;
        this.link = link;
        this.batch = batch;
    }

    @Override
    public void process(Exchange exchange) {
        for (PeerNode peer : peers) {
            try {
                int relayed;
                do {
                    relayed = receipts.relay(peer, batch, next -> link.relay(peer, next));
                } while (relayed == batch); // a full batch: there may be more
                if (failing.remove(peer.id())) {
                    log.info("Receipts reach peer node {} again", peer.id());
                }
            } catch (PeerUnavailable e) {
                if (failing.add(peer.id())) {
                    log.warn(FederationLogCode.RECEIPTS_NOT_RELAYED + " {}", e.getMessage());
                }
            }
        }
    }
}
