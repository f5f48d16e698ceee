package se.kurir.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Sets the caller's identity for this request and keeps it in the request, so that the error dispatch a failure
 * makes (and an async dispatch) still knows who called: a server failure is answered as one, never as a 401.
 */
final class Authenticated {

    private static final RequestAttributeSecurityContextRepository REPOSITORY =
            new RequestAttributeSecurityContextRepository();

    private Authenticated() {
    }

    static void remember(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        REPOSITORY.saveContext(context, request, response);
    }
}
