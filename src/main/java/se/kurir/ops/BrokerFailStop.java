package se.kurir.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.artemis.core.server.ActivateCallback;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ApplicationContextEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * Fail-stop on the embedded broker, as Artemis itself does on a critical I/O error: a node whose broker is gone
 * (its journal's disk failed, say) cannot keep a promise of durability, so it stops admitting at once (readiness
 * REFUSING_TRAFFIC: the admission gate answers 503, the probes report it), marks itself broken (liveness) and exits
 * with {@value #EXIT_CODE}, so its supervisor starts it again on the journal as it was. The requests in flight are
 * answered first ({@code kurir.ops.fail-stop-drain}); then the web server closes every connection, since a graceful
 * shutdown would keep idle keep-alive connections open and leave a client's next request waiting on them until the
 * node is gone. A shutdown that hangs on the dead broker is cut short after {@code kurir.ops.fail-stop-timeout}.
 * Stopping exactly once is guarded, and a broker stopped because the node itself is closing, or never finished
 * starting, changes nothing.
 */
@Component
class BrokerFailStop implements ApplicationListener<ApplicationContextEvent> {

    static final int EXIT_CODE = 70;
    private static final Logger log = LoggerFactory.getLogger(BrokerFailStop.class);

    private final ConfigurableApplicationContext context;
    private final AdmissionGate gate;
    private final Duration timeout;
    private final Duration drain;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean running;

    /** An external broker (the cluster profile) fails over by itself: then there is nothing to watch here. */
    BrokerFailStop(ObjectProvider<EmbeddedActiveMQ> embedded, ConfigurableApplicationContext context,
            AdmissionGate gate, OpsProperties properties) {
        this.context = context;
        this.gate = gate;
        this.timeout = properties.failStopTimeout();
        this.drain = properties.failStopDrain();
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        if (broker == null) {
            return;
        }
        ActiveMQServer server = broker.getActiveMQServer();
        server.registerIOCriticalErrorListener((cause, message, file) -> failed("critical I/O error on " + file
                + ": " + message));
        server.registerActivateCallback(new ActivateCallback() {
            @Override
            public void deActivate() {
                failed("the broker deactivated");
            }
        });
    }

    /**
     * Armed once the node is up: a node that fails to start (a route file with a mistake, say) stops its broker while
     * Spring reports the real cause, and a node that is closing stops its broker with it; neither is a broker failure.
     */
    @Override
    public void onApplicationEvent(ApplicationContextEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        if (event instanceof ContextRefreshedEvent) {
            running = true;
        } else if (event instanceof ContextClosedEvent) {
            stopping.set(true);
        }
    }

    private void failed(String why) {
        if (!running || !stopping.compareAndSet(false, true)) {
            return;
        }
        log.error(OpsLogCode.BROKER_LOST + " embedded broker lost ({}); refusing traffic and stopping the node "
                + "(exit {})", why, EXIT_CODE);
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.error(OpsLogCode.HALTING + " shutdown did not finish within {}; halting", timeout);
            Runtime.getRuntime().halt(EXIT_CODE);
        }, "kurir-fail-stop-halt");
        halt.setDaemon(true);
        halt.start();
        new Thread(this::stop, "kurir-fail-stop").start();
    }

    private void stop() {
        try {
            if (!gate.awaitNoneInFlight(drain)) {
                log.warn(OpsLogCode.REQUESTS_CUT + " requests still in flight after {}; closing their connections",
                        drain);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (context instanceof WebServerApplicationContext web) {
            web.getWebServer().stop();
        }
        System.exit(SpringApplication.exit(context, () -> EXIT_CODE));
    }
}
