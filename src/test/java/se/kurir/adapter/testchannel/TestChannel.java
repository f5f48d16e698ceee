package se.kurir.adapter.testchannel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.pipeline.MailboxChannel;
import se.kurir.registry.Mailbox;

/**
 * A delivery channel kind that only the tests know: one package and one bean, nothing in the pipeline. It serves the
 * mailbox {@code kurir.test-channel.mailbox} names (present only in the test that starts a node with it) and keeps the
 * ids of the messages it carried; its first {@code kurir.test-channel.failures} attempts fail.
 */
@Component
@ConditionalOnProperty("kurir.test-channel.mailbox")
public class TestChannel implements MailboxChannel {

    private final String mailbox;
    private final List<String> carried = new CopyOnWriteArrayList<>();
    private int failuresLeft;

    TestChannel(@Value("${kurir.test-channel.mailbox}") String mailbox,
            @Value("${kurir.test-channel.failures:0}") int failures) {
        this.mailbox = mailbox;
        this.failuresLeft = failures;
    }

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public boolean serves(Mailbox candidate) {
        return candidate.address().equals(mailbox);
    }

    @Override
    public synchronized void process(Exchange exchange) {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("test channel: planned failure");
        }
        carried.add(exchange.getIn().getHeader(KurirHeaders.MESSAGE_ID, String.class));
    }

    public synchronized int failuresLeft() {
        return failuresLeft;
    }

    public List<String> carried() {
        return List.copyOf(carried);
    }
}
