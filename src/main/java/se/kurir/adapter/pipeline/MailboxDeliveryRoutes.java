package se.kurir.adapter.pipeline;

import java.util.List;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirRouteConfigurations;
import se.kurir.delivery.DeliveryLogCode;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * One consumer route per mailbox queue: every {@link MailboxChannel} that serves the mailbox (push, broker outbox,
 * file inbox, whatever transports are plugged in) runs in turn, then the delivery is recorded; and the route that
 * records dead letters. One route per mailbox queue, so each mailbox is seen (and can be stopped) on its own in
 * Hawtio and metrics. Transacted: a failed delivery rolls back and the broker redelivers, then dead-letters.
 */
@Component
final class MailboxDeliveryRoutes extends RouteBuilder {

    private final Registry registry;
    private final PipelineProperties properties;
    private final DeliverToMailboxProcessor deliverToMailbox;
    private final RecordDeadLetterProcessor recordDeadLetter;
    private final List<MailboxChannel> channels;

    MailboxDeliveryRoutes(Registry registry, PipelineProperties properties, DeliverToMailboxProcessor deliverToMailbox,
            RecordDeadLetterProcessor recordDeadLetter, List<MailboxChannel> channels) {
        this.registry = registry;
        this.properties = properties;
        this.deliverToMailbox = deliverToMailbox;
        this.recordDeadLetter = recordDeadLetter;
        this.channels = channels;
    }

    @Override
    public void configure() {
        for (Mailbox mailbox : registry.mailboxes()) {
            String routeId = "delivery-mailbox-" + mailbox.address();
            // CACHE_CONSUMER: one session and consumer per listener thread, kept; the session's local transaction
            // takes in every send of the route (BrokerConfiguration).
            RouteDefinition route = from("jms:queue:" + properties.queuePrefix() + mailbox.address()
                    + "?transacted=true&cacheLevelName=CACHE_CONSUMER&disableReplyTo=true&concurrentConsumers="
                    + properties.mailboxConsumers())
                    .routeId(routeId)
                    .routeConfigurationId(KurirRouteConfigurations.TRANSACTED)
                    .autoStartup(properties.consumersAutoStart());
            for (MailboxChannel channel : channels) {
                if (channel.serves(mailbox)) {
                    route.process(channel).id(routeId + "-" + channel.kind());
                }
            }
            route.process(deliverToMailbox).id(routeId + "-deliver");
        }

        // The broker dead-letters a message after the mailbox's last attempt; the database records it as FAILED.
        from("jms:queue:" + BrokerConfiguration.DEAD_LETTERS + "?transacted=true&cacheLevelName=CACHE_CONSUMER")
                .routeId("delivery-dead-letter-record")
                .routeConfigurationId(KurirRouteConfigurations.TRANSACTED)
                .autoStartup(properties.consumersAutoStart())
                .process(recordDeadLetter).id("delivery-dead-letter-record-mark")
                .filter(exchangeProperty(RecordDeadLetterProcessor.UNRECORDED))
                    .log(LoggingLevel.ERROR, DeliveryLogCode.DEAD_LETTER_UNRECORDED + " dead letter "
                            + "${header.kurirMessageId} cannot be recorded; kept in "
                            + BrokerConfiguration.UNRECORDED_DEAD_LETTERS)
                    .to("jms:queue:" + BrokerConfiguration.UNRECORDED_DEAD_LETTERS).id("delivery-dead-letter-keep")
                .end();
    }
}
