package se.kurir.registry;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param seed location of the registry seed (a Spring resource location, e.g. file:config/registry/demo.yml) */
@Validated
@ConfigurationProperties("kurir.registry")
record RegistryProperties(@NotBlank String seed) {
}
