package se.kurir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad audit configuration stops start-up instead of running with a broken log. */
class AuditPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuditProperties.class)
    static class Config {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void validValuesBind() {
        runner.withPropertyValues("kurir.audit.max-batch=512", "kurir.audit.commit-timeout=10s")
                .run(context -> assertThat(context.getBean(AuditProperties.class).maxBatch()).isEqualTo(512));
    }

    @Test
    void batchOfZeroStopsStartUp() {
        runner.withPropertyValues("kurir.audit.max-batch=0", "kurir.audit.commit-timeout=10s")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void missingCommitTimeoutStopsStartUp() {
        runner.withPropertyValues("kurir.audit.max-batch=10")
                .run(context -> assertThat(context).hasFailed());
    }
}
