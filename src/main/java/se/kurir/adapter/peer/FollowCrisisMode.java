package se.kurir.adapter.peer;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RouteController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.kurir.delivery.CrisisMode;

/**
 * Keeps the routes that release deferred bulk messages running exactly while crisis mode is off, on every node: the
 * switch lives in the database, so a node learns of it here within a second.
 */
final class FollowCrisisMode implements Processor {

    private static final Logger log = LoggerFactory.getLogger(FollowCrisisMode.class);

    private final CrisisMode crisisMode;
    private final List<String> releaseRoutes;
    private final AtomicReference<Boolean> last = new AtomicReference<>();

    FollowCrisisMode(CrisisMode crisisMode, List<String> releaseRoutes) {
        this.crisisMode = crisisMode;
        this.releaseRoutes = releaseRoutes;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        boolean on = crisisMode.on();
        RouteController routes = exchange.getContext().getRouteController();
        for (String route : releaseRoutes) {
            boolean started = routes.getRouteStatus(route) == ServiceStatus.Started;
            if (on && started) {
                routes.stopRoute(route);
            } else if (!on && !started) {
                routes.startRoute(route);
            }
        }
        Boolean before = last.getAndSet(on);
        if (before != null && before != on) {
            log.warn(FederationLogCode.CRISIS_MODE_SWITCHED + " crisis mode is {}: bulk transfers to peer nodes {}",
                    on ? "on" : "off", on ? "are held back" : "are released");
        }
    }
}
