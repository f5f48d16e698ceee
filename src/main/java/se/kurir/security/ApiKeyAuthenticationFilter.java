package se.kurir.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates agency systems by the {@code X-Api-Key} header. Keys are high-entropy random strings, so one
 * SHA-256 is a sound way to store them and keeps the check cheap enough for every request.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final Map<String, SecurityProperties.ApiClient> clientsByHash;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(List<SecurityProperties.ApiClient> clients, AuthenticationEntryPoint entryPoint) {
        this.clientsByHash = clients.stream()
                .collect(Collectors.toUnmodifiableMap(SecurityProperties.ApiClient::sha256, Function.identity()));
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityProperties.ApiClient client = clientsByHash.get(sha256(key));
        if (client == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(client.participant(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.PARTICIPANT)));
        authentication.setDetails(client.system());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
