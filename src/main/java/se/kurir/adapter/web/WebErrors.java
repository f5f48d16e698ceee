package se.kurir.adapter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import se.kurir.crypto.CertificateRefusedException;
import se.kurir.delivery.DeliveryException;
import se.kurir.envelope.InvalidEnvelopeException;
import se.kurir.payload.PayloadMediaType;
import se.kurir.payload.PayloadProblem;
import se.kurir.payload.PayloadTooLargeException;
import se.kurir.payload.UploadException;
import se.kurir.policy.RejectionCode;

/**
 * Refusals in the web are pages, not problem documents: the status the API would answer, the stable code, and what
 * was refused, in the person's language. A message or mailbox that is not the person's looks like one that does not
 * exist, as in the API.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

    @ExceptionHandler
    String delivery(DeliveryException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
        };
        return page(request, response, model, status, e.code().name(), e.getMessage());
    }

    @ExceptionHandler
    String tooLarge(PayloadTooLargeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model, 413, RejectionCode.PAYLOAD_TOO_LARGE.name(), e.getMessage());
    }

    @ExceptionHandler
    String invalidEnvelope(InvalidEnvelopeException e, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return page(request, response, model, 400, e.code().name(), e.getMessage());
    }

    @ExceptionHandler
    String invalidMediaType(PayloadMediaType.InvalidMediaTypeException e, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return page(request, response, model, 400, PayloadProblem.MEDIA_TYPE_INVALID.name(), e.getMessage());
    }

    /** A certificate the registry cannot take: the page names why (the API's code). */
    @ExceptionHandler
    String certificate(CertificateRefusedException e, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return page(request, response, model, e.code() == CertificateRefusedException.Code.CERTIFICATE_NOT_FOUND
                ? 404 : 422, e.code().name(), e.getMessage());
    }

    /** A chunk at the wrong offset, or an upload that is not the person's: the script asks how far it came. */
    @ExceptionHandler
    String upload(UploadException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = e.kind() == UploadException.Kind.NOT_FOUND ? 404 : 409;
        PayloadProblem code = switch (e.kind()) {
            case NOT_FOUND -> PayloadProblem.UPLOAD_NOT_FOUND;
            case OFFSET_MISMATCH -> PayloadProblem.UPLOAD_OFFSET_MISMATCH;
            case BUSY -> PayloadProblem.UPLOAD_BUSY;
        };
        return page(request, response, model, status, code.name(), e.getMessage());
    }

    /** The error page, with the header of the person signed in; also where Spring Security's refusals go. */
    static String page(HttpServletRequest request, HttpServletResponse response, Model model, int status,
            String code, String detail) {
        WebModel.person(request.getUserPrincipal() instanceof Authentication person ? person : null, model);
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("code", code);
        model.addAttribute("detail", detail);
        return "web/error";
    }
}
