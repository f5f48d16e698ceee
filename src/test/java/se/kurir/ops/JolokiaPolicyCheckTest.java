package se.kurir.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class JolokiaPolicyCheckTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(JolokiaPolicyCheck.class);

    @Test
    void aMissingPolicyStopsStartUpInsteadOfOpeningEveryMBean() {
        runner.run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(JolokiaPolicyCheck.POLICY + "=file:config/jolokia/no-such-policy.xml")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("cannot be read"));
    }

    @Test
    void theShippedPolicyIsFound() {
        runner.withPropertyValues(JolokiaPolicyCheck.POLICY + "=file:config/jolokia/jolokia-access.xml")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
