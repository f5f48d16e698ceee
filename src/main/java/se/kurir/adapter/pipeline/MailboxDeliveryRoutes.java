package se.kurir.adapter.pipeline;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirRouteConfigurations;
import se.kurir.adapter.broker.SendToOutboxProcessor;
import se.kurir.adapter.push.PushToEndpointProcessor;
import se.kurir.adapter.push.RecordDeadLetterProcessor;
import se.kurir.adapter.sftp.DeliverToFileInboxProcessor;
import se.kurir.delivery.DeliveryLogCode;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * One consumer route per mailbox queue (push mailboxes push, broker-outbox mailboxes send to their outbox queue,
 * file-inbox mailboxes write to their SFTP/FTPS directory, before they record the delivery), and the route that
 * records dead letters. One route per mailbox queue, so each mailbox is seen (and can be stopped) on its own in Hawtio and metrics.
 * Transacted: a failed delivery rolls back and the broker redelivers, then dead-letters.
 */
@Component
final class MailboxDeliveryRoutes extends RouteBuilder {

    private final Registry registry;
    private final PipelineProperties properties;
    private final DeliverToMailboxProcessor deliverToMailbox;
    private final PushToEndpointProcessor pushToEndpoint;
    private final SendToOutboxProcessor sendToOutbox;
    private final RecordDeadLetterProcessor recordDeadLetter;
    private final DeliverToFileInboxProcessor deliverToFileInbox;

    MailboxDeliveryRoutes(Registry registry, PipelineProperties properties, DeliverToMailboxProcessor deliverToMailbox,
            PushToEndpointProcessor pushToEndpoint, SendToOutboxProcessor sendToOutbox,
            RecordDeadLetterProcessor recordDeadLetter, DeliverToFileInboxProcessor deliverToFileInbox) {
        this.registry = registry;
        this.properties = properties;
        this.deliverToMailbox = deliverToMailbox;
        this.pushToEndpoint = pushToEndpoint;
        this.sendToOutbox = sendToOutbox;
        this.recordDeadLetter = recordDeadLetter;
        this.deliverToFileInbox = deliverToFileInbox;
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
                    .filter(constant(mailbox.pushes()))
                        .process(pushToEndpoint).id("delivery-mailbox-" + mailbox.address() + "-push")
                    .end()
                    .filter(constant(mailbox.brokerOutbox()))
                        .process(sendToOutbox).id("delivery-mailbox-" + mailbox.address() + "-outbox")
                    .end()
                    .filter(constant(deliverToFileInbox.delivers(mailbox.address())))
                        .process(deliverToFileInbox).id("delivery-mailbox-" + mailbox.address() + "-file-inbox")
                    .end()
                    .process(deliverToMailbox).id("delivery-mailbox-" + mailbox.address() + "-deliver");
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
