package se.kurir.adapter.pipeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;
import se.kurir.security.BrokerAccess;
import se.kurir.adapter.KurirRouteConfigurations;
import se.kurir.delivery.DeliveryLogCode;
import se.kurir.registry.DeliveryChannel;
import se.kurir.registry.Mailbox;
import se.kurir.registry.Registry;

/**
 * Mailbox delivery in two layers. One consumer route per mailbox queue ({@code delivery-mailbox-<mailbox>}), so each
 * mailbox is consumed with its own concurrency and stopped on its own in Hawtio (a stuck receiver holds back nobody
 * else); it hands the message to the route of the kind its registry entry names ({@code delivery-<kind>}: push,
 * broker outbox, file inbox, whatever transports are plugged in), whose {@link MailboxChannel} carries it, and then
 * records the delivery. Pull mailboxes need no carrier, so their consumer takes the messages queued behind the one it
 * received into the same broker transaction and records them together ({@link DeliverRunToMailboxProcessor}). Plus
 * the route that records dead letters. Transacted throughout, the kind's route inside the mailbox's broker
 * transaction: a failed delivery rolls back and the broker redelivers, then dead-letters.
 */
@Component
final class MailboxDeliveryRoutes extends RouteBuilder {

    private final Registry registry;
    private final PipelineProperties properties;
    private final DeliverToMailboxProcessor deliverToMailbox;
    private final DeliverRunToMailboxProcessor deliverRunToMailbox;
    private final RecordDeadLetterProcessor recordDeadLetter;
    private final Map<String, MailboxChannel> channels = new TreeMap<>();

    MailboxDeliveryRoutes(Registry registry, PipelineProperties properties, DeliverToMailboxProcessor deliverToMailbox,
            DeliverRunToMailboxProcessor deliverRunToMailbox, RecordDeadLetterProcessor recordDeadLetter,
            List<MailboxChannel> channels) {
        this.registry = registry;
        this.properties = properties;
        this.deliverToMailbox = deliverToMailbox;
        this.deliverRunToMailbox = deliverRunToMailbox;
        this.recordDeadLetter = recordDeadLetter;
        for (MailboxChannel channel : channels) {
            if (channels.stream().filter(c -> c.kind().equals(channel.kind())).count() > 1) {
                throw new IllegalStateException("Two delivery channels carry kind " + channel.kind());
            }
            this.channels.put(channel.kind(), channel);
        }
    }

    @Override
    public void configure() {
        channels.values().forEach(this::carryByKind);
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
            String kind = mailbox.delivery().kind();
            if (kind.equals(DeliveryChannel.Pull.KIND)) {
                route.process(deliverRunToMailbox).id(routeId + "-deliver");
            } else {
                check(mailbox);
                route.to(kindEndpoint(kind)).id(routeId + "-" + kind);
                if (channelFor(mailbox).deliveredOnReturn()) {
                    route.process(deliverToMailbox).id(routeId + "-deliver");
                }
            }
        }

        recordDeadLetters();
    }

    private void check(Mailbox mailbox) {
        try {
            channelFor(mailbox).check(mailbox);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Mailbox " + mailbox.address() + ": " + e.getMessage(), e);
        }
    }

    private MailboxChannel channelFor(Mailbox mailbox) {
        MailboxChannel channel = channels.get(mailbox.delivery().kind());
        if (channel == null) {
            throw new IllegalStateException("Mailbox " + mailbox.address() + ": no delivery channel of kind "
                    + mailbox.delivery().kind() + " is installed (installed: " + String.join(", ", channels.keySet())
                    + ")");
        }
        return channel;
    }

    private void carryByKind(MailboxChannel channel) {
        String routeId = "delivery-" + channel.kind();
        from(kindEndpoint(channel.kind()))
                .routeId(routeId)
                .routeConfigurationId(KurirRouteConfigurations.TRANSACTED)
                .process(channel).id(routeId + "-carry");
    }

    private static String kindEndpoint(String kind) {
        return "direct:delivery-" + kind;
    }

    private void recordDeadLetters() {
        // The broker dead-letters a message after the mailbox's last attempt; the database records it as FAILED.
        from("jms:queue:" + BrokerAccess.DEAD_LETTERS + "?transacted=true&cacheLevelName=CACHE_CONSUMER")
                .routeId("delivery-dead-letter-record")
                .routeConfigurationId(KurirRouteConfigurations.TRANSACTED)
                .autoStartup(properties.consumersAutoStart())
                .process(recordDeadLetter).id("delivery-dead-letter-record-mark")
                .filter(exchangeProperty(RecordDeadLetterProcessor.UNRECORDED))
                    .log(LoggingLevel.ERROR, DeliveryLogCode.DEAD_LETTER_UNRECORDED + " dead letter "
                            + "${header.kurirMessageId} cannot be recorded; kept in "
                            + BrokerAccess.UNRECORDED_DEAD_LETTERS)
                    .to("jms:queue:" + BrokerAccess.UNRECORDED_DEAD_LETTERS).id("delivery-dead-letter-keep")
                .end();
    }
}
