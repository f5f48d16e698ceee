package se.kurir.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import se.kurir.problem.ProblemCode;

/** 401 and 403 as RFC 9457 problem answers with a stable code and type, like every other error of the API. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"kurir\", ApiKey header=\"X-Api-Key\"");
            write(json, response, 401, SecurityProblem.UNAUTHENTICATED,
                    "Authenticate with an X-Api-Key header or HTTP Basic");
        };
    }

    static AccessDeniedHandler crossSite(ObjectMapper json) {
        return (request, response, e) -> write(json, response, 403, CrossSiteRequestGuard.CODE,
                "A state-changing request with HTTP Basic must not come from a browser page or carry a form body "
                        + "(text/plain, form, multipart); send it from a client with its own content type");
    }

    static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, 403, SecurityProblem.FORBIDDEN,
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    static void write(ObjectMapper json, HttpServletResponse response, int status, ProblemCode code,
            String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.type());
        body.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code.name());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
