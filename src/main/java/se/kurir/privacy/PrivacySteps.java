package se.kurir.privacy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import se.kurir.registry.Agreement;
import se.kurir.registry.PrivacyPlan;
import se.kurir.registry.Registry;

/**
 * The privacy-step plug-ins this node has (every {@link PrivacyStep} bean), by name. At start-up every plan in the
 * registry is checked against them, so an agreement that names a missing step or key stops the node instead of
 * letting a payload pass unprotected.
 */
@Service
public class PrivacySteps {

    private final Map<String, PrivacyStep> steps;

    PrivacySteps(List<PrivacyStep> steps, Registry registry) {
        this.steps = steps.stream().collect(Collectors.toUnmodifiableMap(PrivacyStep::name, Function.identity()));
        registry.agreements().forEach(this::check);
    }

    public PrivacyStep named(String name) {
        PrivacyStep step = steps.get(name);
        if (step == null) {
            throw new IllegalArgumentException("privacy.step: no privacy step named '" + name + "' (have "
                    + steps.keySet() + ")");
        }
        return step;
    }

    private void check(Agreement agreement) {
        Stream.concat(Stream.ofNullable(agreement.privacy()),
                        agreement.consumers().stream().map(Agreement.Consumer::privacy).filter(p -> p != null))
                .forEach(plan -> check(agreement, plan));
    }

    private void check(Agreement agreement, PrivacyPlan plan) {
        try {
            named(plan.step()).check(plan);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("agreement " + agreement.id() + ": " + e.getMessage(), e);
        }
    }
}
