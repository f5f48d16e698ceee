package se.kurir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import se.kurir.KurirApplication;

/** A node runs on demo credentials only when the demo profile is named; otherwise it needs real ones. */
class CredentialsGuardTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecurityProperties.class)
    @Import(CredentialsGuard.class)
    static class Config {
    }

    private static final String DEMO_KEY = "kurir.security.api-keys[0].";
    private static final String HASH = "0".repeat(64);

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void noCredentialsAtAllStopStartUp() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("no API clients and no users are configured"));
    }

    @Test
    void theDemoCredentialsOutsideTheDemoProfileStopStartUp() {
        runner.withPropertyValues(DEMO_KEY + "participant=2021005448", DEMO_KEY + "system=demo-skatteverket",
                DEMO_KEY + "sha256=" + HASH, "kurir.crypto.keystore.path=config/keys/demo-node-keys.p12")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("demo-skatteverket is a published demo credential")
                        .hasStackTraceContaining("config/keys/demo-node-keys.p12 holds published demo keys"));
    }

    @Test
    void theDemoProfileOrRealCredentialsStart() {
        runner.withPropertyValues(DEMO_KEY + "participant=2021005448", DEMO_KEY + "system=demo-skatteverket",
                DEMO_KEY + "sha256=" + HASH).withPropertyValues("spring.profiles.active=demo")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues(DEMO_KEY + "participant=2021005448", DEMO_KEY + "system=skv-inkomst",
                DEMO_KEY + "sha256=" + HASH).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aNodeStartedWithoutAProfileDoesNotStart(@TempDir Path data) {
        // What `java -jar kurir.jar` or the image does without configuration: refused, never the demo federation.
        assertThatThrownBy(() -> new SpringApplicationBuilder(KurirApplication.class).run("--server.port=0",
                "--kurir.data-dir=" + data, "--kurir.broker.acceptor=", "--spring.jmx.unique-names=true").close())
                .hasStackTraceContaining("kurir.registry");
    }
}
