package se.kurir.adapter.testchannel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import se.kurir.adapter.KurirHeaders;
import se.kurir.adapter.pipeline.MailboxChannel;
import se.kurir.registry.DeliveryChannel;
import se.kurir.registry.Mailbox;

/**
 * A delivery channel kind that only the tests know: one package and one bean, nothing in the pipeline or the
 * registry. It carries the mailboxes whose registry entry is {@code delivery: {kind: test, failures: <n>}} and keeps
 * the ids of the messages it carried; its first {@code failures} attempts fail.
 */
@Component
public class TestChannel implements MailboxChannel {

    private final List<String> carried = new CopyOnWriteArrayList<>();
    private int failuresLeft;

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public synchronized void check(Mailbox mailbox) {
        String failures = ((DeliveryChannel.Plugged) mailbox.delivery()).options().getOrDefault("failures", "0");
        if (!failures.matches("\\d{1,3}")) {
            throw new IllegalStateException("Mailbox " + mailbox.address() + ": delivery.failures must be a number");
        }
        failuresLeft += Integer.parseInt(failures);
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
