package se.kurir.adapter.sdk;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The SDK API's refusals as its recommendation writes them (RFC 7807 with {@code eventIssues}, each with a
 * {@code typeCode} and the element it is {@code in}), and with Kurir's stable {@code code}; the detail names the field.
 */
@RestControllerAdvice(assignableTypes = {SdkApiController.class, SdkEnvelopeController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SdkProblemHandler {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(SdkException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create(e.code().type()));
        problem.setProperty("code", e.code().name());
        List<Map<String, String>> issues = e.issues().stream().map(issue -> Map.of(
                "typeCode", SdkStatus.MESSAGE_EXCHANGE_ERROR.name(),
                "title", issue.kind() + " " + issue.code(),
                "detail", issue.reason(),
                "in", issue.lineId())).toList();
        if (!issues.isEmpty()) {
            problem.setProperty("eventIssues", issues);
        }
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
