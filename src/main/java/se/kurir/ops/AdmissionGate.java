package se.kurir.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets no request in before the node is ready (registry, certificates and keys loaded: Spring Boot flips readiness
 * after the start-up runners) or once it has stopped being ready (its broker is gone): 503 with Retry-After, so a
 * client retries instead of being refused for good. Health and the probes always answer, to say why.
 */
final class AdmissionGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final String HEALTH = "/actuator/health";

    private final ApplicationAvailability availability;
    private final AtomicInteger inFlight = new AtomicInteger();

    AdmissionGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    /** Waits until no admitted request is still being answered, or for {@code atMost}; whether none is. */
    boolean awaitNoneInFlight(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return inFlight.get() == 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
                || request.getRequestURI().startsWith(HEALTH)) {
            inFlight.incrementAndGet();
            try {
                chain.doFilter(request, response);
            } finally {
                inFlight.decrementAndGet();
            }
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"urn:kurir:problem:node-not-ready\",\"title\":\"Service "
                + "Unavailable\",\"status\":503,\"code\":\"NODE_NOT_READY\",\"detail\":\"node: not ready to admit "
                + "requests (starting, or its broker is down); retry after " + RETRY_AFTER_SECONDS + " s\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
