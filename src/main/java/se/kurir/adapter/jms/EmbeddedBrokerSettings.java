package se.kurir.adapter.jms;

import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's own settings: JMX on, so operators see queues in Hawtio; the journal's file size; and the
 * acceptor agency systems connect to. The queues and their redelivery are the pipeline's ({@code BrokerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedBrokerSettings {

    @Bean
    ArtemisConfigurationCustomizer kurirBrokerSettings(BrokerProperties broker) {
        return configuration -> {
            configuration.setJMXManagementEnabled(true);
            configuration.setJournalFileSize((int) broker.journalFileSize().toBytes());
            if (!broker.acceptor().isBlank()) {
                try {
                    configuration.addAcceptorConfiguration("agency-systems", broker.acceptor());
                } catch (Exception e) {
                    throw new IllegalStateException("kurir.broker.acceptor is not an Artemis acceptor URL", e);
                }
            }
        };
    }
}
