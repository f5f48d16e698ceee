package se.kurir.adapter.pipeline;

import com.hazelcast.core.HazelcastInstance;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;
import se.kurir.registry.DeliveryChannel;
import se.kurir.registry.Participant;
import se.kurir.registry.Registry;
import se.kurir.security.BrokerAccess;

/** Wiring of the broker and the cluster map that the pipeline uses. */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    /** Hazelcast map of seen (sender, messageId) pairs; its time-to-live is set in config/hazelcast.yaml. */
    static final String SUBMITTED_MESSAGES = "kurir-submitted-messages";

    /**
     * A transacted consumer's own session is its transaction: no JmsTransactionManager (Camel would create one), which
     * would send what a route sends on a session of its own and commit it after the consumer's acknowledgement, so
     * a node dying between the two commits would lose a broker outbox's copy of a message recorded as delivered.
     * Without it, the listener session is exposed to the route and every send joins the one commit.
     */
    @Bean
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.setLazyCreateTransactionManager(false);
        return jms;
    }

    /**
     * The gateway's consumers take a message off the broker when they ask for one, none read ahead
     * ({@code consumerWindowSize} 0): a pull mailbox's run ({@link DeliverRunToMailboxProcessor}) takes the messages
     * queued behind the one it received, which a neighbouring consumer's read-ahead would otherwise keep from it, and
     * a consumer stuck on a slow push endpoint sits on no messages it has not started.
     */
    @Bean
    static BeanPostProcessor brokerConsumersReadNoAhead() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                Object target = bean instanceof CachingConnectionFactory caching
                        ? caching.getTargetConnectionFactory() : bean;
                if (target instanceof ActiveMQConnectionFactory artemis) {
                    artemis.setConsumerWindowSize(0);
                }
                return bean;
            }
        };
    }

    @Bean
    IdempotentRepository submittedMessages(HazelcastInstance hazelcast, PipelineProperties properties, Clock clock) {
        return new HazelcastSubmissionRepository(hazelcast.getMap(SUBMITTED_MESSAGES), properties.claimTimeout(),
                clock);
    }

    /**
     * Mailbox queues redeliver with exponential back-off and jitter (the collision-avoidance factor spreads retries
     * of many messages apart), each mailbox on its own queue so one failing endpoint holds back no other mailbox, and
     * finally dead-letter the original message to {@code kurir.dlq}.
     */
    @Bean
    ArtemisConfigurationCustomizer kurirAddressSettings(PipelineProperties properties, Registry registry) {
        PipelineProperties.Redelivery redelivery = properties.redelivery();
        return configuration -> {
            // Declared, not left to a consumer: a dead-letter address without a queue would drop what it receives,
            // and agency systems may not create queues at all (BrokerAccess).
            List<String> queues = new ArrayList<>(List.of(BrokerAccess.DEAD_LETTERS, BrokerAccess.UNRECORDED_DEAD_LETTERS));
            for (Participant participant : registry.participants()) {
                queues.add(BrokerAccess.INGRESS_PREFIX + participant.orgNumber());
                queues.add(BrokerAccess.PUBLISH_PREFIX + participant.orgNumber());
                queues.add(BrokerAccess.refusedQueue(participant.orgNumber()));
            }
            registry.mailboxes().stream().filter(m -> m.delivery() instanceof DeliveryChannel.BrokerOutbox)
                    .forEach(m -> queues.add(BrokerAccess.OUTBOX_PREFIX + m.address()));
            queues.forEach(queue -> configuration.addQueueConfiguration(
                    QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST)));
            // Broker submissions that keep failing (say, the audit log is down) end there too, never dropped: without
            // an id they cannot be recorded, so delivery-dead-letter-record keeps them in kurir.dlq.unrecorded.
            for (String prefix : List.of(properties.queuePrefix(), BrokerAccess.INGRESS_PREFIX,
                    BrokerAccess.PUBLISH_PREFIX)) {
                configuration.addAddressSetting(prefix + "#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of(BrokerAccess.DEAD_LETTERS))
                        .setMaxDeliveryAttempts(redelivery.maxAttempts())
                        .setRedeliveryDelay(redelivery.initialDelay().toMillis())
                        .setRedeliveryMultiplier(redelivery.multiplier())
                        .setRedeliveryCollisionAvoidanceFactor(0.5)
                        .setMaxRedeliveryDelay(redelivery.maxDelay().toMillis()));
            }
        };
    }
}
