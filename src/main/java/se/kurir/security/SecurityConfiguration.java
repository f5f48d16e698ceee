package se.kurir.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import se.kurir.audit.Refusals;
import se.kurir.crypto.CertificateRegistry;
import se.kurir.registry.Registry;

/** Who may call what. Everything not listed needs an authenticated caller of any role. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectMapper json, Registry registry,
            CertificateRegistry certificates, Refusals refusals,
            @Value("${kurir.federation.port:0}") int federationPort,
            @Value("${kurir.federation.node-id:}") String nodeId) throws Exception {
        var unauthenticated = ProblemResponses.unauthenticated(json);
        http.csrf(csrf -> csrf.disable()) // stateless API: no session cookie to forge requests with
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(ProblemResponses.forbidden(json)))
                .addFilterBefore(new ClientCertificateAuthenticationFilter(registry, certificates, unauthenticated,
                        refusals),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new PeerNodeAuthenticationFilter(nodeId.isBlank() ? 0 : federationPort, json, registry,
                        unauthenticated, refusals), ClientCertificateAuthenticationFilter.class)
                .addFilterAfter(new ApiKeyAuthenticationFilter(new ApiClients(properties.apiKeys()), unauthenticated),
                        ClientCertificateAuthenticationFilter.class)
                .addFilterAfter(new CrossSiteRequestGuard(ProblemResponses.crossSite(json), refusals),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // A long-polled feed answers on an async dispatch of a request already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        // The container's error page for a request that failed: it answers with the failure's own
                        // status and code (ProblemErrorAttributes), never with a 401 of its own.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Readiness and liveness for the container platform: no credentials, no detail.
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        // AS4 authenticates the message, not the connection: the WS-Security signature must be the
                        // P-Mode partner's own (As4Controller), as eDelivery access points expect.
                        .requestMatchers(HttpMethod.POST, "/as4").permitAll()
                        .requestMatchers(PeerNodeAuthenticationFilter.PATH + "**").hasRole(Roles.PEER_NODE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/messages", "/api/v1/requests",
                                "/api/v1/products/*/events").hasRole(Roles.PARTICIPANT)
                        .requestMatchers("/api/v1/subscriptions/**", "/api/v1/uploads/**").hasRole(Roles.PARTICIPANT)
                        .requestMatchers("/api/v1/messages/**", "/api/v1/mailboxes/**").hasRole(Roles.PARTICIPANT)
                        .requestMatchers("/shs/rs", "/shs/ds/**").hasRole(Roles.PARTICIPANT)
                        .requestMatchers("/sdk/v1/sdk/messages", "/sdk/v1/sdk/messages/**")
                                .access(OAuth2Clients.sdkScope())
                        .requestMatchers("/sdk/v1/**").hasRole(Roles.PARTICIPANT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/certificates/**").hasRole(Roles.OPERATOR)
                        .requestMatchers("/api/v1/reviews/**").hasRole(Roles.REVIEWER)
                        .requestMatchers("/api/v1/privacy/reversals/**").hasRole(Roles.REIDENTIFIER)
                        .requestMatchers("/api/v1/audit/**").hasRole(Roles.AUDITOR)
                        .requestMatchers("/actuator/**", "/api/v1/dead-letters/**", "/api/v1/federation/**")
                                .hasRole(Roles.OPERATOR)
                        .anyRequest().authenticated());
        if (properties.oauth2().enabled()) {
            OAuth2Clients clients = new OAuth2Clients(properties.oauth2());
            http.oauth2ResourceServer(oauth2 -> oauth2.authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(ProblemResponses.forbidden(json))
                    .jwt(jwt -> jwt.decoder(clients.decoder()).jwtAuthenticationConverter(clients)));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(u -> User.withUsername(u.username()).password(u.password())
                        .authorities(Stream.concat(u.roles().stream().map(role -> "ROLE_" + role),
                                u.mailboxes().stream().map(Roles::mailboxAuthority)).toArray(String[]::new)).build())
                .toList().toArray(org.springframework.security.core.userdetails.UserDetails[]::new));
    }
}
