package se.kurir.adapter.pipeline;

import com.hazelcast.core.HazelcastInstance;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the broker and the cluster map that the pipeline uses. */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    /** Hazelcast map of seen (sender, messageId) pairs; its time-to-live is set in config/hazelcast.yaml. */
    static final String SUBMITTED_MESSAGES = "kurir-submitted-messages";

    @Bean
    JmsComponent jms(ConnectionFactory connectionFactory) {
        return JmsComponent.jmsComponent(connectionFactory);
    }

    @Bean
    IdempotentRepository submittedMessages(HazelcastInstance hazelcast) {
        return new HazelcastSubmissionRepository(hazelcast.getMap(SUBMITTED_MESSAGES));
    }

    /**
     * Mailbox queues redeliver with back-off and finally dead-letter to {@code kurir.dlq} with the original message;
     * JMX is on so operators see queues in Hawtio.
     */
    @Bean
    ArtemisConfigurationCustomizer kurirAddressSettings(PipelineProperties properties) {
        return configuration -> {
            configuration.setJMXManagementEnabled(true);
            configuration.addAddressSetting(properties.queuePrefix() + "#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of("kurir.dlq"))
                    .setAutoCreateDeadLetterResources(true)
                    .setMaxDeliveryAttempts(10)
                    .setRedeliveryDelay(1000)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(60_000));
        };
    }
}
