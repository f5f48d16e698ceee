package se.kurir.adapter.peer;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.pipeline.MailboxChannel;
import se.kurir.registry.Mailbox;
import se.kurir.registry.PeerNode;
import se.kurir.registry.Registry;

/**
 * The delivery channel of kind {@code peer}: the mailboxes of a participant another node serves (the registry gives
 * them this kind from the directory). It moves the message, in the mailbox's broker transaction, to that node's queue
 * ({@code kurir.peer.<node>}) with its priority; the node's route forwards it from there and records the delivery
 * when the peer has taken it over.
 */
@Component
final class PeerChannel implements MailboxChannel {

    private final FederationProperties properties;
    private final Registry registry;
    private final ProducerTemplate producer;

    PeerChannel(FederationProperties properties, Registry registry, ProducerTemplate producer) {
        this.properties = properties;
        this.registry = registry;
        this.producer = producer;
    }

    @Override
    public String kind() {
        return PeerNode.DELIVERY_KIND;
    }

    @Override
    public void check(Mailbox mailbox) {
        String node = MailboxChannel.settings(mailbox).only("node").get("node");
        if (!properties.enabled()) {
            throw new IllegalArgumentException("delivery kind peer needs federation, and kurir.federation.node-id is "
                    + "blank");
        }
        if (node == null || registry.peerNode(node).filter(n -> n.serves(mailbox.participant())).isEmpty()) {
            throw new IllegalArgumentException("delivery.node must name the directory's node serving "
                    + mailbox.participant() + "; was " + node);
        }
    }

    @Override
    public boolean deliveredOnReturn() {
        return false;
    }

    @Override
    public void process(Exchange exchange) {
        String recipient = exchange.getIn().getHeader(KurirHeaders.RECIPIENT, String.class);
        Mailbox mailbox = registry.mailbox(recipient).orElseThrow();
        // The JMSPriority the message was queued with goes along: crisis traffic stays ahead on the peer's queue.
        producer.send(PeerRoutes.queueEndpoint(MailboxChannel.settings(mailbox).options().get("node"))
                + "?preserveMessageQos=true", exchange);
        if (exchange.getException() != null) {
            throw new IllegalStateException("not moved to the peer's queue", exchange.getException());
        }
    }
}
