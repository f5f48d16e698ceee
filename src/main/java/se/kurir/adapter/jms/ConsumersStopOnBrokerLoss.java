package se.kurir.adapter.jms;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * When the node is broken (its embedded broker lost, se.kurir.ops), every broker consumer stops trying to reconnect.
 * Forty-odd listeners each retrying every few seconds take turns at the one connection factory's lock, each holding
 * it for a whole call timeout, and a request in flight whose hand-over needs that lock waited behind them for many
 * seconds (CI: 16 s) instead of failing within its own call timeout and being answered.
 */
@Component
class ConsumersStopOnBrokerLoss implements ApplicationListener<AvailabilityChangeEvent<LivenessState>> {

    private static final Logger log = LoggerFactory.getLogger(ConsumersStopOnBrokerLoss.class);

    private final CamelContext camel;

    ConsumersStopOnBrokerLoss(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<LivenessState> event) {
        if (event.getState() != LivenessState.BROKEN) {
            return;
        }
        for (Route route : camel.getRoutes()) {
            if (route.getConsumer() instanceof JmsConsumer consumer
                    && camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted()) {
                // Each on a thread of its own: a container stops at once, but closing its connection to the dead
                // broker can take a call timeout, and the event comes on the thread that stops the node.
                Thread stop = new Thread(() -> stop(route.getRouteId(), consumer), "kurir-consumer-stop");
                stop.setDaemon(true);
                stop.start();
            }
        }
    }

    private static void stop(String routeId, JmsConsumer consumer) {
        try {
            consumer.getListenerContainer().stop();
        } catch (Exception e) {
            log.debug("Broker consumer of route {} not stopped", routeId, e);
        }
    }
}
