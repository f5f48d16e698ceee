package se.kurir.adapter.peer;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.throttling.ThrottlingExceptionRoutePolicy;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.KurirRouteConfigurations;
import se.kurir.delivery.CrisisMode;
import se.kurir.delivery.DeadLetters;
import se.kurir.delivery.MailboxDelivery;
import se.kurir.delivery.PeerReceipts;
import se.kurir.registry.PeerNode;
import se.kurir.registry.Priority;
import se.kurir.registry.Product;
import se.kurir.registry.Registry;

/**
 * The links to peer nodes, one durable queue each ({@code kurir.peer.<node>}) on this node's broker, consumed by
 * {@code federation-peer-<node>}: held back while crisis mode defers bulk traffic, else forwarded. A peer that is
 * unavailable opens the route's circuit: its consumer stops, the message it failed on goes back to the head of the
 * queue, and after {@code kurir.federation.retry-after} the next attempt closes the circuit or opens it again, so
 * the queue waits for the peer in priority order, without burning attempts. Deferred bulk messages wait on
 * {@code kurir.peer.<node>.deferred}, whose route {@code federation-release-<node>} runs only while crisis mode is
 * off. Plus the timers that follow crisis mode and relay receipts back to the peers.
 */
@Component
final class PeerRoutes extends RouteBuilder {

    static final String QUEUE_PREFIX = "kurir.peer.";
    private static final String DEFERRED = ".deferred";

    private final FederationProperties properties;
    private final Registry registry;
    private final PeerLink link;
    private final MailboxDelivery delivery;
    private final DeadLetters deadLetters;
    private final CrisisMode crisisMode;
    private final PeerReceipts receipts;

    PeerRoutes(FederationProperties properties, Registry registry, PeerLink link, MailboxDelivery delivery,
            DeadLetters deadLetters, CrisisMode crisisMode, PeerReceipts receipts) {
        this.properties = properties;
        this.registry = registry;
        this.link = link;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.crisisMode = crisisMode;
        this.receipts = receipts;
    }

    static String queueEndpoint(String node) {
        return "jms:queue:" + QUEUE_PREFIX + node;
    }

    @Override
    public void configure() {
        if (!properties.enabled()) {
            return;
        }
        List<PeerNode> peers = registry.peerNodes();
        for (PeerNode peer : peers) {
            forwardTo(peer);
            releaseDeferred(peer);
        }
        from("timer:federation-crisis-mode?period=1000")
                .routeId("federation-crisis-mode")
                .process(new FollowCrisisMode(crisisMode, peers.stream().map(PeerRoutes::releaseRouteId).toList()))
                    .id("federation-crisis-mode-follow");
        from("timer:federation-receipts?period=" + properties.receiptInterval().toMillis())
                .routeId("federation-receipts")
                .process(new RelayReceipts(peers, receipts, link, properties.receiptBatch()))
                    .id("federation-receipts-relay");
    }

    private void forwardTo(PeerNode peer) {
        String routeId = "federation-peer-" + peer.id();
        long retryAfter = properties.retryAfter().toMillis();
        // CACHE_NONE: a consumer that the open circuit stops keeps no messages fetched ahead of the queue's order.
        from(queueEndpoint(peer.id()) + "?transacted=true&cacheLevelName=CACHE_NONE&disableReplyTo=true"
                + "&concurrentConsumers=" + properties.consumers())
                .routeId(routeId)
                .routeConfigurationId(KurirRouteConfigurations.TRANSACTED)
                .routePolicy(new ThrottlingExceptionRoutePolicy(1, retryAfter, retryAfter,
                        List.of(PeerUnavailable.class)))
                .choice()
                    .when(this::deferredByCrisisMode)
                        .to(queueEndpoint(peer.id()) + DEFERRED + "?preserveMessageQos=true").id(routeId + "-defer")
                    .otherwise()
                        .process(new ForwardToPeerProcessor(peer, link, delivery, deadLetters,
                                properties.retryAfter())).id(routeId + "-forward")
                .end();
    }

    private void releaseDeferred(PeerNode peer) {
        from(queueEndpoint(peer.id()) + DEFERRED + "?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&disableReplyTo=true")
                .routeId(releaseRouteId(peer))
                .routeConfigurationId(KurirRouteConfigurations.TRANSACTED)
                .autoStartup(false) // FollowCrisisMode starts it while crisis mode is off
                .to(queueEndpoint(peer.id()) + "?preserveMessageQos=true").id(releaseRouteId(peer) + "-requeue");
    }

    private static String releaseRouteId(PeerNode peer) {
        return "federation-release-" + peer.id();
    }

    private boolean deferredByCrisisMode(Exchange exchange) {
        String product = exchange.getIn().getHeader(KurirHeaders.PRODUCT, String.class);
        return crisisMode.on() && registry.product(product).map(Product::priority).orElse(Priority.NORMAL)
                == Priority.BULK;
    }
}
