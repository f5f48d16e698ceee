package se.kurir.security;

import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import se.kurir.audit.Refusals;

/**
 * The web ({@code /web/}) is for people: a sign-in form and a session, hence CSRF protection (the synchronizer token
 * each form carries), a content security policy that lets pages load nothing from anywhere but the node and run no
 * inline script, and responses the browser must not keep (Spring Security's cache headers). Each screen is for its
 * role: case officers their mailboxes and compose, reviewers the review queue, auditors the audit log, operators the
 * operations screens; the home page is for anyone signed in.
 *
 * <p>People sign in with the form (configured users) or, where {@code spring.security.oauth2.client} registers an
 * identity provider, through OpenID Connect's authorization code flow under {@code /web/}: their groups give them
 * roles and mailboxes ({@link IdentityProviderSignIn}).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    static final String WEB = "/web";
    static final String OIDC_CALLBACK = WEB + "/login/oauth2/code/";

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProviders,
            SecurityProperties properties, Refusals refusals) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(paths.matcher(WEB + "/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher(WEB + "/login"), paths.matcher(WEB + "/assets/**")).permitAll()
                        .requestMatchers(paths.matcher(WEB + "/mailboxes/**"), paths.matcher(WEB + "/compose/**"),
                                paths.matcher(WEB + "/sent/**"), paths.matcher(WEB + "/uploads/**"))
                                .hasRole(Roles.CASE_OFFICER)
                        .requestMatchers(paths.matcher(WEB + "/reviews/**")).hasRole(Roles.REVIEWER)
                        .requestMatchers(paths.matcher(WEB + "/audit/**")).hasRole(Roles.AUDITOR)
                        .requestMatchers(paths.matcher(WEB + "/operations/**")).hasRole(Roles.OPERATOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(WEB + "/login").defaultSuccessUrl(WEB + "/", true))
                .logout(logout -> logout.logoutUrl(WEB + "/logout").logoutSuccessUrl(WEB + "/login?logout"))
                // A screen of another role, or a form without its CSRF token: a page that says so, status 403.
                .exceptionHandling(e -> e.accessDeniedPage(WEB + "/denied"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                        + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")));
        ClientRegistrationRepository providers = identityProviders.getIfAvailable();
        if (providers != null) {
            requireWebCallbacks(providers);
            http.oauth2Login(oidc -> oidc.loginPage(WEB + "/login").failureUrl(WEB + "/login?refused")
                    .defaultSuccessUrl(WEB + "/", true)
                    .authorizationEndpoint(a -> a.baseUri(WEB + "/oauth2/authorization"))
                    .redirectionEndpoint(r -> r.baseUri(OIDC_CALLBACK + "*"))
                    .userInfoEndpoint(u -> u.oidcUserService(new IdentityProviderSignIn(properties.signIn(),
                            refusals))));
        }
        return http.build();
    }

    /**
     * The provider sends the person back to the redirect URI registered with it; only the web's callback is served
     * by this chain, so a registration naming Spring's default path would fail at the first sign-in, not here.
     */
    static void requireWebCallbacks(ClientRegistrationRepository providers) {
        if (!(providers instanceof Iterable<?> registrations)) {
            return;
        }
        StreamSupport.stream(registrations.spliterator(), false).map(ClientRegistration.class::cast)
                .filter(r -> !r.getRedirectUri().endsWith(OIDC_CALLBACK + "{registrationId}")
                        && !r.getRedirectUri().endsWith(OIDC_CALLBACK + r.getRegistrationId()))
                .findFirst().ifPresent(r -> {
                    throw new IllegalStateException("spring.security.oauth2.client.registration."
                            + r.getRegistrationId() + ".redirect-uri must end in " + OIDC_CALLBACK
                            + "{registrationId}, the web's sign-in callback; it is " + r.getRedirectUri());
                });
    }
}
