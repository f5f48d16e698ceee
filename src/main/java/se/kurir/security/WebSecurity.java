package se.kurir.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The web ({@code /web/}) is for people: a sign-in form and a session, hence CSRF protection (the synchronizer token
 * each form carries), a content security policy that lets pages load nothing from anywhere but the node and run no
 * inline script, and responses the browser must not keep (Spring Security's cache headers). Each screen is for its
 * role: case officers their mailboxes and compose, reviewers the review queue, auditors the audit log, operators the
 * operations screens; the home page is for anyone signed in.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    static final String WEB = "/web";

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(paths.matcher(WEB + "/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher(WEB + "/login"), paths.matcher(WEB + "/assets/**")).permitAll()
                        .requestMatchers(paths.matcher(WEB + "/mailboxes/**"), paths.matcher(WEB + "/compose/**"),
                                paths.matcher(WEB + "/sent/**")).hasRole(Roles.CASE_OFFICER)
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
        return http.build();
    }
}
