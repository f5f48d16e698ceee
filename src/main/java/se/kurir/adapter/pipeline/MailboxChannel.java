package se.kurir.adapter.pipeline;

import org.apache.camel.Processor;
import se.kurir.registry.Mailbox;

/**
 * A way out of a mailbox, plugged in by the transport that owns it (push in {@code adapter.push}, broker outboxes in
 * {@code adapter.broker}, file inboxes in {@code adapter.sftp}): the mailbox's delivery route runs every channel that
 * serves the mailbox, then records the delivery. A new transport adds a bean of this type and touches no pipeline
 * code. The processor runs inside the delivery's broker transaction: a failure rolls it back and the broker
 * redelivers with back-off, then dead-letters.
 */
public interface MailboxChannel extends Processor {

    /** Short and stable: the suffix of the processor's id in the route ({@code delivery-mailbox-<mailbox>-<kind>}). */
    String kind();

    boolean serves(Mailbox mailbox);
}
