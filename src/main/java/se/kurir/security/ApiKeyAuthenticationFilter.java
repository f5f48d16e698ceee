package se.kurir.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates agency systems by the {@code X-Api-Key} header: the development option, and the fallback for systems
 * not yet on mutual TLS. A request already authenticated by its client certificate keeps that identity.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiClients clients;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(ApiClients clients, AuthenticationEntryPoint entryPoint) {
        this.clients = clients;
        this.entryPoint = entryPoint;
    }

    /** An error dispatch of a request refused before this filter saw it still knows who called. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || SecurityContextHolder.getContext().getAuthentication() != null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityProperties.ApiClient client = clients.byKey(key).orElse(null);
        if (client == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(client.participant(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.PARTICIPANT)));
        authentication.setDetails(client.system());
        Authenticated.remember(authentication, request, response);
        chain.doFilter(request, response);
    }
}
