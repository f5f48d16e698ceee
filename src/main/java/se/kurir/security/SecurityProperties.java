package se.kurir.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call Kurir. No defaults: a node without configured credentials admits nobody.
 *
 * @param apiKeys agency systems, each acting for one participant
 * @param users operators, reviewers and auditors
 */
@Validated
@ConfigurationProperties("kurir.security")
record SecurityProperties(@Valid List<ApiClient> apiKeys, @Valid List<User> users) {

    SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** @param sha256 hex SHA-256 of the key; the key itself is never stored */
    record ApiClient(@Pattern(regexp = "[0-9]{10}") String participant, @NotBlank String system,
            @Pattern(regexp = "[0-9a-f]{64}") String sha256) {
    }

    /** @param password an encoded password with its id prefix, e.g. {bcrypt}$2a$10$... */
    record User(@NotBlank String username, @Pattern(regexp = "\\{[a-z0-9]+\\}.+") String password,
            @NotEmpty Set<String> roles) {
    }
}
