package se.kurir.adapter.broker;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of broker ingress and outboxes. */
@LogCodeRange(from = 8000, to = 8999, concern = "broker ingress and outboxes")
public enum BrokerLogCode implements LogCode {

    SUBMISSION_REFUSED(8001, "A broker submission was refused (it names the code) and answered on the sender's refused queue.");

    private final int number;
    private final String meaning;

    BrokerLogCode(int number, String meaning) {
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
