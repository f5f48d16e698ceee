package se.kurir.adapter.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import se.kurir.audit.AuditUnavailableException;
import se.kurir.audit.Refusals;

/**
 * Every 4xx problem the API answers is an input refused, and is audited as such (code, field, method and path, the
 * caller): an auditor can see who probed what. A policy rejection carries its message id and has its own record.
 */
@ControllerAdvice
class RefusalAudit implements ResponseBodyAdvice<Object> {

    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);
    /** The detail of a problem starts with the field it names: {@code envelope.recipient: ...}. */
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z0-9_.\\[\\]*/-]{1,100}):");

    private final Refusals refusals;

    RefusalAudit(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getStatus() >= 400 && problem.getStatus() < 500
                && (problem.getProperties() == null || !problem.getProperties().containsKey("messageId"))) {
            record(problem, request);
        }
        return body;
    }

    private void record(ProblemDetail problem, ServerHttpRequest request) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        Matcher field = FIELD.matcher(problem.getDetail() == null ? "" : problem.getDetail());
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        try {
            refusals.record(caller == null ? "anonymous" : caller.getName(), "REST",
                    code == null ? "HTTP_" + problem.getStatus() : code.toString(),
                    field.find() ? field.group(1) : null, request.getMethod() + " " + request.getURI().getPath());
        } catch (AuditUnavailableException e) {
            log.warn(RestLogCode.REFUSAL_NOT_AUDITED + " refusal {} not audited: {}", code, e.getMessage());
        }
    }
}
