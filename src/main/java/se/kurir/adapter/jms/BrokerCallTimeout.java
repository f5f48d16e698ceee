package se.kurir.adapter.jms;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Bounds how long the node's own broker client waits for a confirmation ({@code kurir.broker.call-timeout}).
 * Spring Boot builds the Artemis connection factory without a way to set it, and Artemis' 30 s default would hold a
 * request whose send the broker never confirms (its journal failed mid-write) well past the node's fail-stop: with
 * the bound, the send fails and the request is answered (202 once its admission is recorded: the requeue hands it
 * over again) while the node stops.
 */
@Component
class BrokerCallTimeout implements BeanPostProcessor {

    private final ObjectProvider<BrokerProperties> properties;

    BrokerCallTimeout(ObjectProvider<BrokerProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Object target = bean instanceof CachingConnectionFactory caching ? caching.getTargetConnectionFactory() : bean;
        if (target instanceof ActiveMQConnectionFactory artemis) {
            artemis.setCallTimeout(properties.getObject().callTimeout().toMillis());
        }
        return bean;
    }
}
