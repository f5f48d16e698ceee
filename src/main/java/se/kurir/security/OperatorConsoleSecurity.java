package se.kurir.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Hawtio console (Camel routes, Artemis queues, JMX through Jolokia) is a browser application, so unlike the
 * stateless API it signs operators in with a form and a session cookie. A session cookie can be ridden by a forged
 * request, hence CSRF protection with the token in a cookie that Hawtio's script echoes in a header. Only the
 * operator role gets in; every other role and every anonymous caller is refused.
 */
@Configuration(proxyBeanMethods = false)
class OperatorConsoleSecurity {

    static final String CONSOLE = "/actuator/hawtio";
    /** The sign-in form's style sheet; behind the API's Basic challenge a browser would stop and ask for a password. */
    static final String SIGN_IN_STYLE = "/default-ui.css";

    @Bean
    @Order(1)
    SecurityFilterChain operatorConsole(HttpSecurity http, ObjectMapper json) throws Exception {
        // Matched on the whole path: Hawtio and Jolokia are servlets of their own, outside Spring MVC.
        var paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher(CONSOLE), paths.matcher(CONSOLE + "/**"),
                        paths.matcher("/actuator/jolokia/**"), paths.matcher("/login"), paths.matcher("/logout"),
                        paths.matcher(SIGN_IN_STYLE)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher("/login"), paths.matcher(SIGN_IN_STYLE)).permitAll()
                        .anyRequest().hasRole(Roles.OPERATOR))
                .formLogin(form -> form.defaultSuccessUrl(CONSOLE + "/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(ProblemResponses.forbidden(json)))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                        .csrfTokenRequestHandler(new ScriptCsrfTokenHandler()))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Readable by the console's script (it echoes it in a header), and never sent along by another site. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookie.setCookieCustomizer(c -> c.sameSite("Strict"));
        return cookie;
    }

    /**
     * Hawtio's script sends the raw cookie value in a header; the login form sends the masked token that Spring
     * renders into it (masking protects a token rendered in a page body against BREACH).
     */
    static final class ScriptCsrfTokenHandler extends CsrfTokenRequestAttributeHandler {

        private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            return StringUtils.hasText(request.getHeader(token.getHeaderName()))
                    ? super.resolveCsrfTokenValue(request, token)
                    : masked.resolveCsrfTokenValue(request, token);
        }
    }

    /** The token is deferred by default; loading it on every console request makes sure the cookie is set. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
