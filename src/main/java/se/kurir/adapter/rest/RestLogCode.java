package se.kurir.adapter.rest;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of the REST API. */
@LogCodeRange(from = 4000, to = 4999, concern = "the REST API")
public enum RestLogCode implements LogCode {

    PAYLOAD_MISSING(4001, "A message's payload is not in the store (PAYLOAD_UNAVAILABLE answered). Check the payload directory and its backups."),
    UNEXPECTED_FAILURE(4002, "A request failed in a way nobody foresaw (500 INTERNAL_ERROR answered); nothing was admitted. File a defect."),
    REFUSAL_NOT_AUDITED(4003, "A refused request could not be recorded as REQUEST_REFUSED in the audit log; it was refused all the same.");

    private final int number;
    private final String meaning;

    RestLogCode(int number, String meaning) {
        this.number = number;
        this.meaning = meaning;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return code();
    }
}
