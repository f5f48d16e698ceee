package se.kurir.adapter.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import se.kurir.problem.CommonProblem;
import se.kurir.problem.ProblemCode;
import se.kurir.security.SecurityProblem;

/**
 * What the servlet container's error page says, for failures that never reached a controller (a request the
 * firewall rejected, say): the same problem shape as every other answer, with the real status and a stable code,
 * never a sign-in challenge. Nothing of the request or the exception is echoed.
 */
@Component
class ProblemErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> original = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        int status = original.get("status") instanceof Integer s ? s : 500;
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code(status).type());
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", status >= 500 ? "the gateway failed to handle this request; nothing was admitted"
                : "request: refused before it reached the API (" + (known == null ? status : known.getReasonPhrase())
                        + ")");
        problem.put("code", code(status).name());
        return problem;
    }

    private static ProblemCode code(int status) {
        return switch (status) {
            case 400 -> RestProblem.REQUEST_REJECTED;
            case 401 -> SecurityProblem.UNAUTHENTICATED;
            case 403 -> SecurityProblem.FORBIDDEN;
            case 404 -> CommonProblem.NOT_FOUND;
            case 405 -> RestProblem.METHOD_NOT_ALLOWED;
            case 413 -> RestProblem.REQUEST_TOO_LARGE;
            default -> status >= 500 ? RestProblem.INTERNAL_ERROR : RestProblem.REQUEST_INVALID;
        };
    }
}
