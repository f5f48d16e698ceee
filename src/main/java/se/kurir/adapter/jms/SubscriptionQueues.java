package se.kurir.adapter.jms;

import org.apache.activemq.artemis.api.core.ActiveMQQueueExistsException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.kurir.security.BrokerAccess;
import se.kurir.subscription.DeliveryMode;
import se.kurir.subscription.Subscription;
import se.kurir.subscription.SubscriptionCatalogue;
import se.kurir.subscription.SubscriptionListener;
import se.kurir.subscription.SubscriptionLogCode;

/**
 * Declares a JMS subscription's durable queue when the subscription is made, so the subscriber can attach at once
 * (it may not create queues itself), and removes the queue with the subscription. Needs the embedded broker; with
 * an external one the operator declares the queues. A replay leaves the queue alone: the events are sent again.
 */
@Component
class SubscriptionQueues implements SubscriptionListener {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionQueues.class);

    private final ObjectProvider<EmbeddedActiveMQ> broker;

    SubscriptionQueues(ObjectProvider<EmbeddedActiveMQ> broker, SubscriptionCatalogue subscriptions) {
        this.broker = broker;
        subscriptions.addListener(this);
    }

    @Override
    public void created(Subscription subscription) {
        ActiveMQServer server = server();
        if (subscription.deliveryMode() != DeliveryMode.JMS || server == null) {
            return;
        }
        try {
            server.createQueue(QueueConfiguration.of(BrokerAccess.feedQueue(subscription)).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true).setAutoCreateAddress(true));
        } catch (ActiveMQQueueExistsException e) {
            log.debug("Queue {} exists already", BrokerAccess.feedQueue(subscription));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot declare queue " + BrokerAccess.feedQueue(subscription), e);
        }
    }

    @Override
    public void deleted(Subscription subscription) {
        ActiveMQServer server = server();
        if (subscription.deliveryMode() != DeliveryMode.JMS || server == null) {
            return;
        }
        try {
            server.destroyQueue(SimpleString.of(BrokerAccess.feedQueue(subscription)), null, false, true);
        } catch (Exception e) {
            log.warn(SubscriptionLogCode.QUEUE_NOT_REMOVED + " queue {} of deleted subscription {} not removed: {}",
                    BrokerAccess.feedQueue(subscription), subscription.id(), e.toString());
        }
    }

    private ActiveMQServer server() {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        return embedded == null ? null : embedded.getActiveMQServer();
    }
}
