package se.kurir.adapter.pipeline;

import org.apache.camel.Processor;
import se.kurir.registry.DeliveryChannel;
import se.kurir.registry.Mailbox;

/**
 * The carrier of one kind of {@link se.kurir.registry.DeliveryChannel}, plugged in by the transport that owns it (push
 * in {@code adapter.http}, broker outboxes in {@code adapter.jms}, file inboxes in {@code adapter.sftp}). It is the
 * step of the route {@code delivery-<kind>}, which the delivery route of every mailbox whose registry entry names
 * this kind calls before it records the delivery. A new transport
 * adds a bean of this type and a registry entry, and touches no pipeline code. The processor runs inside the
 * delivery's broker transaction: a failure rolls it back and the broker redelivers with back-off, then dead-letters.
 */
public interface MailboxChannel extends Processor {

    /** The registry's {@code delivery.kind} this channel carries; its route is {@code delivery-<kind>}. */
    String kind();

    /**
     * Called at start-up for each mailbox of this kind: a setting the channel cannot honour (a file inbox naming a
     * server that is not configured, say) throws, naming the setting, and the node does not start. The mailbox is
     * named in front of an {@link IllegalArgumentException}'s message by the caller.
     */
    default void check(Mailbox mailbox) {
    }

    /**
     * Whether the message is delivered once this channel's step returns, and the mailbox's route records it so. A
     * channel that only hands the message on to a queue of its own (a peer node's) records the delivery itself, when
     * it is done.
     */
    default boolean deliveredOnReturn() {
        return true;
    }

    /** The settings of a mailbox of a kind plugged in by a transport, as the registry read them. */
    static DeliveryChannel.Plugged settings(Mailbox mailbox) {
        return (DeliveryChannel.Plugged) mailbox.delivery();
    }
}
