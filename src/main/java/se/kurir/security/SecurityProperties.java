package se.kurir.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call Kurir. No defaults: a node without configured credentials admits nobody.
 *
 * @param apiKeys agency systems, each acting for one participant
 * @param users operators, reviewers and auditors
 * @param oauth2 agency systems that come with an OAuth2 access token (client credentials), as SDK clients do; none
 *     when it names no JWK set
 * @param signIn what people who sign in to the web through their agency's identity provider may do
 */
@Validated
@ConfigurationProperties("kurir.security")
record SecurityProperties(@Valid List<ApiClient> apiKeys, @Valid List<User> users, @Valid OAuth2 oauth2,
        @Valid SignIn signIn) {

    SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        users = users == null ? List.of() : List.copyOf(users);
        oauth2 = oauth2 == null ? new OAuth2(null, null, Map.of()) : oauth2;
        signIn = signIn == null ? new SignIn(null, null) : signIn;
    }

    /**
     * @param issuer the token issuer ({@code iss}) tokens must name
     * @param jwkSetUri where the issuer publishes its signing keys; tokens are accepted only when this is set
     * @param clients each OAuth2 client ({@code client_id}) and the participant (organisation number) it acts for
     */
    record OAuth2(String issuer, String jwkSetUri, Map<String, @Pattern(regexp = "[0-9]{10}") String> clients) {
        OAuth2 {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }

        boolean enabled() {
            return jwkSetUri != null && !jwkSetUri.isBlank();
        }
    }

    /** @param sha256 hex SHA-256 of the key; the key itself is never stored */
    record ApiClient(@Pattern(regexp = "[0-9]{10}") String participant, @NotBlank String system,
            @Pattern(regexp = "[0-9a-f]{64}") String sha256) {
    }

    /**
     * A person. Case officers (role {@code CASE_OFFICER}) read and send in the web for the functional mailboxes
     * (funktionsbrevlådor) they are given, as their mailboxes' participant; with OpenID Connect or SAML the same
     * mapping comes from the identity provider's claims instead.
     *
     * @param password an encoded password with its id prefix, e.g. {bcrypt}$2a$10$...
     * @param mailboxes the functional mailboxes ({@code <orgnr>.<name>}) the person works in
     */
    record User(@NotBlank String username, @Pattern(regexp = "\\{[a-z0-9]+\\}.+") String password,
            @NotEmpty Set<String> roles, List<@Pattern(regexp = "[0-9]{10}\\.[a-z0-9-]+") String> mailboxes) {
        User {
            mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        }
    }

    /**
     * Sign-in through an identity provider (OpenID Connect; the providers themselves are Spring Boot's
     * {@code spring.security.oauth2.client} registrations). Agencies federate people with their groups, not with
     * Kurir's roles, so each group is given roles and functional mailboxes here; a person whose groups give nothing
     * is not signed in.
     *
     * @param groupsClaim the ID token (or user info) claim that lists the person's groups
     */
    record SignIn(String groupsClaim, @Valid List<Group> groups) {
        SignIn {
            groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /**
     * @param name the group as the identity provider names it
     * @param roles the roles its members have: a person's roles only, never a system's or a node's
     * @param mailboxes the functional mailboxes its members work in
     */
    record Group(@NotBlank String name,
            Set<@Pattern(regexp = "CASE_OFFICER|REVIEWER|AUDITOR|OPERATOR|REIDENTIFIER") String> roles,
            List<@Pattern(regexp = "[0-9]{10}\\.[a-z0-9-]+") String> mailboxes) {
        Group {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        }
    }
}
