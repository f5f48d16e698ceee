package se.kurir.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A node is only ever started on demo credentials by naming the demo profile: without it, the node refuses to start
 * when it has no credentials at all (nobody could use it, and an operator would take it for broken rather than
 * unconfigured) or when it carries the published demo ones (API clients and users named {@code demo-...}, the demo
 * key stores under {@code config/keys/demo-}).
 */
@Component
class CredentialsGuard {

    static final String DEMO_PROFILE = "demo";
    private static final String DEMO_NAME = "demo-";

    CredentialsGuard(SecurityProperties security, Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains(DEMO_PROFILE)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (security.apiKeys().isEmpty() && security.users().isEmpty()) {
            problems.add("kurir.security: no API clients and no users are configured; nobody could use this node");
        }
        security.apiKeys().stream().filter(c -> c.system().startsWith(DEMO_NAME)).forEach(c -> problems.add(
                "kurir.security.api-keys: " + c.system() + " is a published demo credential"));
        security.users().stream().filter(u -> u.username().startsWith(DEMO_NAME)).forEach(u -> problems.add(
                "kurir.security.users: " + u.username() + " is a published demo credential"));
        for (String keystore : List.of("kurir.crypto.keystore.path", "kurir.privacy.keystore.path")) {
            String path = environment.getProperty(keystore, "");
            if (path.replace('\\', '/').contains("/keys/" + DEMO_NAME)) {
                problems.add(keystore + ": " + path + " holds published demo keys");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start without real credentials (start with the profile '"
                    + DEMO_PROFILE + "' for the demo): " + String.join("; ", problems));
        }
    }
}
