package se.kurir.adapter.sftp;

import org.apache.camel.Exchange;

/** Exchange properties the file routes share. */
final class FileExchange {

    /** The {@link FileOutbox} the route polls. */
    static final String OUTBOX = "kurirOutbox";
    /** The {@link FilePickup} of the file in hand. */
    static final String PICKUP = "kurirFilePickup";
    /** Where camel-ftp moves the file once the exchange is done: see {@link FilePickup#folder()}. */
    static final String FOLDER = "kurirFileFolder";
    /** The payload once it is in the store. */
    static final String STORED = "kurirStoredPayload";

    static final String MOVE_TO_FOLDER = "${exchangeProperty." + FOLDER + "}/${file:name}";

    private FileExchange() {
    }

    static FileOutbox outbox(Exchange exchange) {
        return exchange.getProperty(OUTBOX, FileOutbox.class);
    }

    static FilePickup pickup(Exchange exchange) {
        return exchange.getProperty(PICKUP, FilePickup.class);
    }
}
