package se.kurir.adapter.rest;

import se.kurir.problem.ProblemCode;

/** Why an HTTP request was refused by the API itself, before a domain rule looked at it. */
public enum RestProblem implements ProblemCode {
    REQUEST_INVALID("The request body or a value in it cannot be read; the detail names the field."),
    REQUEST_REJECTED("The request was refused before it reached the API (malformed URL or headers)."),
    REQUEST_TOO_LARGE("The request body is larger than kurir.rest.max-request-body (or the request's own limit)."),
    REQUEST_FIELD_UNKNOWN("A synchronous request has a field it does not define."),
    REQUEST_FIELD_MISSING("A synchronous request lacks a field it needs."),
    METHOD_NOT_ALLOWED("The resource does not answer this HTTP method."),
    MEDIA_TYPE_UNSUPPORTED("The resource does not take this Content-Type."),
    PARAMETER_INVALID("A query parameter or header has a value it does not allow."),
    PARAMETER_MISSING("A required query parameter is missing."),
    MULTIPART_INVALID("The body is not a readable multipart message."),
    MULTIPART_ORDER("The payload part came before the envelope part."),
    MULTIPART_PART_UNKNOWN("A multipart part is neither envelope nor payload."),
    MULTIPART_PART_REPEATED("The envelope or payload part came twice."),
    RANGE_NOT_SATISFIABLE("The Range asked for lies outside the payload."),
    JUSTIFICATION_REQUIRED("A review decision needs a justification."),
    JUSTIFICATION_INVALID("The justification is too long."),
    REVOCATION_REASON_MISSING("A certificate revocation needs its reason."),
    AUDIT_UNAVAILABLE("The audit log cannot record the request, so it was not carried out; retry later."),
    INTERNAL_ERROR("The gateway failed to handle the request; nothing was admitted and operators are alerted.");

    private final String meaning;

    RestProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
