package se.kurir.adapter;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of the routes and their error handling. */
@LogCodeRange(from = 1000, to = 1999, concern = "the routes and their error handling")
public enum RouteLogCode implements LogCode {

    @Code(value = 1001, meaning = "A route failed on the broker, a stream or the database after its retries; the "
            + "caller was told and may retry with the same message id.")
    TRANSIENT_FAILURE,

    @Code(value = 1002, meaning = "A route failed in a way nobody foresaw; the caller was told. Look at the stack "
            + "trace and file a defect.")
    UNEXPECTED_FAILURE,

    @Code(value = 1003, meaning = "A message was admitted but not handed over to its mailbox queue; "
            + "pipeline-requeue-stale hands it over again after kurir.pipeline.requeue-after.")
    HAND_OVER_DEFERRED;

    @Override
    public String toString() {
        return code();
    }
}
