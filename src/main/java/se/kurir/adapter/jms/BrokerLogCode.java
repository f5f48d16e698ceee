package se.kurir.adapter.jms;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of broker ingress and outboxes. */
@LogCodeRange(from = 8000, to = 8999, concern = "broker ingress and outboxes")
public enum BrokerLogCode implements LogCode {

    @Code(value = 8001, meaning = "A broker submission was refused (it names the code) and answered on the sender's "
            + "refused queue.")
    SUBMISSION_REFUSED;

    @Override
    public String toString() {
        return code();
    }
}
