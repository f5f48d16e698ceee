package se.kurir.adapter.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.kurir.audit.AuditUnavailableException;
import se.kurir.crypto.CertificateRefusedException;
import se.kurir.delivery.DeliveryException;
import se.kurir.delivery.RequestRefusedException;
import se.kurir.envelope.InvalidEnvelopeException;
import se.kurir.payload.PayloadDigestMismatchException;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadNotFoundException;
import se.kurir.payload.PayloadProblem;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.payload.UploadException;
import se.kurir.policy.RejectionCode;
import se.kurir.privacy.ReversalRefusedException;
import se.kurir.problem.CommonProblem;
import se.kurir.subscription.FeedUnavailableException;
import se.kurir.subscription.SubscriptionException;
import se.kurir.subscription.SubscriptionLogCode;
import se.kurir.subscription.SubscriptionProblem;

/** Every failure of the API as an RFC 7807 problem with a stable code and a detail that names the field. */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler
    ProblemDetail invalidEnvelope(InvalidEnvelopeException e) {
        var first = e.violations().get(0);
        ProblemDetail problem = ProblemCodes.problem(HttpStatus.BAD_REQUEST, e.code(),
                first.field() + ": " + first.message());
        problem.setProperty("violations", e.violations().stream()
                .map(v -> Map.of("code", v.code().name(), "field", v.field(), "message", v.message())).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail certificateRefused(CertificateRefusedException e) {
        HttpStatus status = e.code() == CertificateRefusedException.Code.CERTIFICATE_NOT_FOUND ? HttpStatus.NOT_FOUND
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return ProblemCodes.problem(status, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail reversalRefused(ReversalRefusedException e) {
        return ProblemCodes.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badRequest(BadRequestException e) {
        return ProblemCodes.problem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rangeNotSatisfiable(ByteRange.RangeNotSatisfiableException e) {
        return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                .header(HttpHeaders.CONTENT_RANGE, "bytes */" + e.size())
                .body(ProblemCodes.problem(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                        RestProblem.RANGE_NOT_SATISFIABLE,
                        e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> upload(UploadException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case OFFSET_MISMATCH, BUSY -> HttpStatus.CONFLICT;
        };
        PayloadProblem code = switch (e.kind()) {
            case NOT_FOUND -> PayloadProblem.UPLOAD_NOT_FOUND;
            case OFFSET_MISMATCH -> PayloadProblem.UPLOAD_OFFSET_MISMATCH;
            case BUSY -> PayloadProblem.UPLOAD_BUSY;
        };
        ProblemDetail problem = ProblemCodes.problem(status, code, e.getMessage());
        var answer = ResponseEntity.status(status);
        if (e.received() >= 0) {
            problem.setProperty("received", e.received());
            answer.header(UploadController.UPLOAD_OFFSET, Long.toString(e.received()));
        }
        return answer.body(problem);
    }

    @ExceptionHandler
    ProblemDetail digestMismatch(PayloadDigestMismatchException e) {
        ProblemDetail problem = ProblemCodes.problem(HttpStatus.UNPROCESSABLE_ENTITY,
                RejectionCode.PAYLOAD_DIGEST_MISMATCH,
                e.getMessage() + "; the upload is kept: send the chunks again and complete it once more");
        problem.setProperty("received", e.size());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return ProblemCodes.problem(HttpStatus.PAYLOAD_TOO_LARGE, RejectionCode.PAYLOAD_TOO_LARGE,
                "payload: " + e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail delivery(DeliveryException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return ProblemCodes.problem(status, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail requestRefused(RequestRefusedException e) {
        HttpStatus status = switch (e.kind()) {
            case REJECTED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            case BAD_REPLY -> HttpStatus.BAD_GATEWAY;
        };
        ProblemDetail problem = ProblemCodes.problem(status, e.code(), e.getMessage());
        problem.setProperty("requestId", e.requestId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail subscription(SubscriptionException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case REJECTED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case GONE -> HttpStatus.GONE;
        };
        return ProblemCodes.problem(status, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail feedUnavailable(FeedUnavailableException e) {
        log.warn(SubscriptionLogCode.FEED_UNAVAILABLE + " {}", e.getMessage());
        return ProblemCodes.problem(HttpStatus.SERVICE_UNAVAILABLE, SubscriptionProblem.FEED_UNAVAILABLE,
                "the event was not stored; publish it again with the same envelope.messageId");
    }

    @ExceptionHandler
    ProblemDetail payloadMissing(PayloadNotFoundException e) {
        log.error(RestLogCode.PAYLOAD_MISSING + " payload missing from the store: {}", e.getMessage());
        return ProblemCodes.problem(HttpStatus.INTERNAL_SERVER_ERROR, PayloadProblem.PAYLOAD_UNAVAILABLE,
                "the payload of this message is not in the store; operators have been alerted");
    }

    @ExceptionHandler
    ProblemDetail auditUnavailable(AuditUnavailableException e) {
        return ProblemCodes.problem(HttpStatus.SERVICE_UNAVAILABLE, RestProblem.AUDIT_UNAVAILABLE,
                "the audit log cannot record this request, so it was not carried out; retry later");
    }

    @ExceptionHandler
    ProblemDetail mediaType(PayloadMediaType.InvalidMediaTypeException e) {
        return ProblemCodes.problem(HttpStatus.BAD_REQUEST, PayloadMediaType.InvalidMediaTypeException.CODE,
                e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail bodyTooLarge(RequestBodyLimit.RequestBodyTooLargeException e) {
        return ProblemCodes.problem(HttpStatus.PAYLOAD_TOO_LARGE, RestProblem.REQUEST_TOO_LARGE, e.getMessage());
    }

    /**
     * The last resort: a failure nobody foresaw is the server's, so it says 500 with a code, never a sign-in
     * challenge or a bare error page, and the log names it (the answer does not: it may hold input).
     */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error(RestLogCode.UNEXPECTED_FAILURE + " unexpected failure answering a request", e);
        return ProblemCodes.problem(HttpStatus.INTERNAL_SERVER_ERROR, RestProblem.INTERNAL_ERROR,
                "the gateway failed to handle this request; nothing was admitted, operators have been alerted");
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return ProblemCodes.problem(HttpStatus.BAD_REQUEST, RestProblem.PARAMETER_INVALID,
                e.getName() + ": '" + e.getValue() + "' is not a valid value");
    }

    /** A JSON body that does not bind names the field it stumbled on. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof RequestBodyLimit.RequestBodyTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(bodyTooLarge(tooLarge));
        }
        String field = e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                        : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[")
                : "body";
        String why = e.getCause() instanceof JsonMappingException mapping ? mapping.getOriginalMessage()
                : "not readable JSON";
        return ResponseEntity.status(status).body(ProblemCodes.problem(status, RestProblem.REQUEST_INVALID,
                field + ": " + why.split("\n")[0]));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(status).body(ProblemCodes.problem(status, RestProblem.PARAMETER_MISSING,
                e.getParameterName() + ": is required"));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            // Spring's own problems come with type about:blank; every answer of the API has a code and its type.
            ProblemCodes.typed(problem, switch (status.value()) {
                case 404 -> CommonProblem.NOT_FOUND;
                case 405 -> RestProblem.METHOD_NOT_ALLOWED;
                case 415 -> RestProblem.MEDIA_TYPE_UNSUPPORTED;
                default -> RestProblem.REQUEST_INVALID;
            });
        }
        return response;
    }
}
