package se.kurir.adapter;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of the routes and their error handling. */
@LogCodeRange(from = 1000, to = 1999, concern = "the routes and their error handling")
public enum RouteLogCode implements LogCode {

    TRANSIENT_FAILURE(1001, "A route failed on the broker, a stream or the database after its retries; the caller was told and may retry with the same message id."),
    UNEXPECTED_FAILURE(1002, "A route failed in a way nobody foresaw; the caller was told. Look at the stack trace and file a defect."),
    HAND_OVER_DEFERRED(1003, "A message was admitted but not handed over to its mailbox queue; pipeline-requeue-stale hands it over again after kurir.pipeline.requeue-after.");

    private final int number;
    private final String meaning;

    RouteLogCode(int number, String meaning) {
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
