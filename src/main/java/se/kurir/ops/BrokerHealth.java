package se.kurir.ops;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The embedded broker's health from its own state, without opening a connection: a dead broker is reported DOWN at
 * once, where a connection attempt would wait for its time-out (Boot's JMS indicator is off for the embedded broker).
 */
@Component("brokerHealthIndicator")
class BrokerHealth implements HealthIndicator {

    private final ObjectProvider<EmbeddedActiveMQ> broker;

    BrokerHealth(ObjectProvider<EmbeddedActiveMQ> broker) {
        this.broker = broker;
    }

    /** UNKNOWN with an external broker: Boot's JMS indicator speaks for it (the cluster profile turns it on). */
    @Override
    public Health health() {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        if (embedded == null) {
            return Health.unknown().build();
        }
        ActiveMQServer server = embedded.getActiveMQServer();
        boolean up = server != null && server.isStarted() && server.isActive();
        return (up ? Health.up() : Health.down()).withDetail("state", server == null ? "NONE"
                : server.getState().name()).build();
    }
}
