package se.kurir.ops;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Jolokia allows everything when its policy file cannot be found, so a node whose policy is missing (a jar started
 * outside its directory, a typo in the location) does not start at all rather than open every MBean to the console.
 */
@Component
class JolokiaPolicyCheck {

    static final String POLICY = "management.endpoint.jolokia.config.policyLocation";

    JolokiaPolicyCheck(Environment environment, ResourceLoader resources) {
        String location = environment.getProperty(POLICY);
        if (location == null || location.isBlank() || !resources.getResource(location).isReadable()) {
            throw new IllegalStateException(POLICY + ": the operator console's Jolokia policy "
                    + (location == null ? "is not configured" : location + " cannot be read")
                    + "; without it Jolokia would allow every operation on every MBean");
        }
    }
}
