package se.kurir.adapter.peer;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.kurir.security.BrokerAccess;

/**
 * The embedded broker's settings for peer queues (docker/artemis/broker.xml has the same for an external broker).
 * A message there is tried until its peer takes it: no attempt limit, since a peer that is down must get everything
 * when it is back, and no redelivery delay, so a rolled-back message stays at the head of its queue and the open
 * circuit of the peer's route, not the broker, spaces the attempts. A refused message is dead-lettered by the route.
 */
@Configuration(proxyBeanMethods = false)
class PeerQueues {

    @Bean
    ArtemisConfigurationCustomizer peerQueueSettings() {
        return configuration -> configuration.addAddressSetting(PeerRoutes.QUEUE_PREFIX + "#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(BrokerAccess.DEAD_LETTERS))
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(0));
    }
}
