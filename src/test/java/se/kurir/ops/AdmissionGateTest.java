package se.kurir.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionGateTest {

    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final AdmissionGate gate = new AdmissionGate(availability);

    @Test
    void beforeTheNodeIsReadyNothingIsAdmittedAndTheClientIsToldToRetry() throws Exception {
        var response = call("POST", "/api/v1/messages");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(AdmissionGate.RETRY_AFTER_SECONDS);
        assertThat(response.getContentAsString()).contains("\"code\":\"NODE_NOT_READY\"");
    }

    @Test
    void theProbesAnswerWhateverTheState() throws Exception {
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            assertThat(call("GET", probe).getStatus()).as(probe).isEqualTo(200);
        }
    }

    @Test
    void aReadyNodeAdmitsAndOneThatStoppedBeingReadyRefusesAgain() throws Exception {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        assertThat(call("POST", "/api/v1/messages").getStatus()).isEqualTo(200);

        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        assertThat(call("POST", "/api/v1/messages").getStatus()).isEqualTo(503);
    }

    private MockHttpServletResponse call(String method, String path) throws Exception {
        var response = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest(method, path), response, new MockFilterChain());
        return response;
    }
}
