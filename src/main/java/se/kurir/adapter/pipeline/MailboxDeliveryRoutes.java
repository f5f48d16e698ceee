package se.kurir.adapter.pipeline;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirRouteConfigurations;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * One consumer per mailbox queue, so each mailbox is seen (and can be stopped) on its own in Hawtio and metrics.
 * Transacted: a failed delivery rolls back and the broker redelivers, then dead-letters.
 */
@Component
final class MailboxDeliveryRoutes extends RouteBuilder {

    private final Registry registry;
    private final PipelineProperties properties;
    private final DeliverToMailboxProcessor deliverToMailbox;

    MailboxDeliveryRoutes(Registry registry, PipelineProperties properties, DeliverToMailboxProcessor deliverToMailbox) {
        this.registry = registry;
        this.properties = properties;
        this.deliverToMailbox = deliverToMailbox;
    }

    @Override
    public void configure() {
        for (Mailbox mailbox : registry.mailboxes()) {
            // CACHE_CONSUMER: with a transaction manager Spring's listener container would otherwise open a new
            // consumer for every receive.
            from("jms:queue:" + properties.queuePrefix() + mailbox.address()
                    + "?transacted=true&cacheLevelName=CACHE_CONSUMER&disableReplyTo=true&concurrentConsumers="
                    + properties.mailboxConsumers())
                    .routeId("delivery-mailbox-" + mailbox.address())
                    .routeConfigurationId(KurirRouteConfigurations.TRANSACTED)
                    .autoStartup(properties.consumersAutoStart())
                    .process(deliverToMailbox).id("delivery-mailbox-" + mailbox.address() + "-deliver");
        }
    }
}
