package se.kurir.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import se.kurir.audit.Refusals;

/**
 * CSRF protection for the API's HTTP Basic users (operators, reviewers, auditors). A browser that has Basic
 * credentials for the gateway sends them with any request another site makes it send, and an HTML form or a
 * no-cors fetch can POST a body of type text/plain, form or multipart, or no body at all, without the site reading
 * anything back. So a state-changing request authenticated by Basic is refused when it comes from a browser context
 * (it carries {@code Origin} or a {@code Sec-Fetch-Site} other than "none") or has a body a form can make. Agency
 * systems (API key, client certificate) are not browsers and are not affected; the console has its own CSRF token.
 */
final class CrossSiteRequestGuard extends OncePerRequestFilter {

    static final SecurityProblem CODE = SecurityProblem.CROSS_SITE_REQUEST_REFUSED;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

    private final AccessDeniedHandler refuse;
    private final Refusals refusals;

    CrossSiteRequestGuard(AccessDeniedHandler refuse, Refusals refusals) {
        this.refuse = refuse;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (basicAuthenticated(request) && !SAFE_METHODS.contains(request.getMethod())
                && (fromBrowser(request) || formBody(request))) {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            refusals.record(caller == null ? "anonymous" : caller.getName(), "REST", CODE.name(), "Content-Type",
                    request.getMethod() + " " + request.getRequestURI());
            refuse.handle(request, response, new AccessDeniedException("cross-site request refused"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean basicAuthenticated(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static boolean fromBrowser(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return request.getHeader("Origin") != null || (site != null && !site.equalsIgnoreCase("none"));
    }

    private static boolean formBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int parameters = type.indexOf(';');
        String bare = (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        return FORM_TYPES.contains(bare);
    }
}
