package se.kurir.adapter.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import se.kurir.delivery.MessageIntake;
import se.kurir.payload.PayloadStore;
import se.kurir.payload.StoredPayload;

/**
 * The payloads a message in the pipeline holds in the store: the one its adapter stored, and each one the privacy step
 * or sealing made from it. A payload replaced on the way is released and discarded unless another message uses it;
 * whatever is still held is released when the exchange completes, admitted or failed (the record then names it).
 */
final class HeldPayloads extends SynchronizationAdapter {

    private static final String PROPERTY = "kurirHeldPayloads";

    private final PayloadStore store;
    private final List<StoredPayload> held = new ArrayList<>(2);

    private HeldPayloads(PayloadStore store) {
        this.store = store;
    }

    /** Takes over the hold the adapter's write took; released when the exchange completes. */
    static void takeOver(Exchange exchange, PayloadStore store, StoredPayload payload) {
        HeldPayloads holds = new HeldPayloads(store);
        holds.held.add(payload);
        exchange.setProperty(PROPERTY, holds);
        exchange.getExchangeExtension().addOnCompletion(holds);
    }

    /** The plaintext gives way to what was made from it: the original leaves the store unless somebody uses it. */
    static void replace(Exchange exchange, StoredPayload original, StoredPayload replacement, MessageIntake intake) {
        HeldPayloads holds = exchange.getProperty(PROPERTY, HeldPayloads.class);
        holds.held.add(replacement);
        if (holds.held.remove(original)) {
            intake.discardUnreferenced(original);
        }
    }

    @Override
    public void onDone(Exchange exchange) {
        held.forEach(store::release);
        held.clear();
    }
}
