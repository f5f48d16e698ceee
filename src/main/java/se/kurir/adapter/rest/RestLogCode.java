package se.kurir.adapter.rest;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of the REST API. */
@LogCodeRange(from = 4000, to = 4999, concern = "the REST API")
public enum RestLogCode implements LogCode {

    @Code(value = 4001, meaning = "A message's payload is not in the store (PAYLOAD_UNAVAILABLE answered). Check the "
            + "payload directory and its backups.")
    PAYLOAD_MISSING,

    @Code(value = 4002, meaning = "A request failed in a way nobody foresaw (500 INTERNAL_ERROR answered); nothing "
            + "was admitted. File a defect.")
    UNEXPECTED_FAILURE,

    @Code(value = 4003, meaning = "A refused request could not be recorded as REQUEST_REFUSED in the audit log; it "
            + "was refused all the same.")
    REFUSAL_NOT_AUDITED;

    @Override
    public String toString() {
        return code();
    }
}
