package se.kurir.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import se.kurir.registry.PrivacyPlan;

/**
 * One kind of privacy step. An agency adds its own by declaring a Spring bean that implements this interface; an
 * agreement then names it in its {@code privacy.step}. The pipeline, the subscriptions and the audit need nothing
 * else.
 */
public interface PrivacyStep {

    /** The name agreements use for this step. */
    String name();

    /**
     * Refuses, with {@link IllegalArgumentException} naming the setting, a plan this step cannot carry out. Called for
     * every agreement at start-up, so a misconfigured agreement stops the node instead of failing a message.
     */
    void check(PrivacyPlan plan);

    /**
     * Reads one payload and writes what the recipient may receive, streaming: a payload is never held whole.
     *
     * @throws PrivacyInputException when the payload does not fit the plan (not JSON, a field of the wrong kind)
     */
    PrivacyStepResult apply(PrivacyPlan plan, PrivacyContext context, InputStream in, OutputStream out)
            throws IOException;
}
