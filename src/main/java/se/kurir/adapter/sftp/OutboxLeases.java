package se.kurir.adapter.sftp;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which node polls a file outbox: every node may declare the same outboxes, and one at a time polls each, under a
 * lease in the database that it renews on every poll ({@code kurir.files.outbox-lease}). A node that dies leaves its
 * lease to run out, and the next node to poll takes the outbox over; a node that stops gives its leases up. Two
 * pollers would each read every file (the message id derived from the manifest keeps it one message, but the bytes
 * would travel twice).
 */
@Component
class OutboxLeases {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FileTransferProperties properties;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    OutboxLeases(JdbcClient jdbc, Clock clock, FileTransferProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Takes or renews this node's lease on the outbox; false when another node's lease still runs. */
    boolean hold(String outbox) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(properties.outboxLease()));
        if (jdbc.sql("UPDATE file_outbox_leases SET lease_node = ?, lease_until = ? WHERE outbox = ? "
                + "AND (lease_node = ? OR lease_until < ?)").params(node, until, outbox, node, Timestamp.from(now))
                .update() == 1) {
            return true;
        }
        try {
            return jdbc.sql("INSERT INTO file_outbox_leases (outbox, lease_node, lease_until) VALUES (?, ?, ?)")
                    .params(outbox, node, until).update() == 1;
        } catch (DuplicateKeyException heldElsewhere) {
            return false;
        }
    }

    @PreDestroy
    void releaseAll() {
        jdbc.sql("DELETE FROM file_outbox_leases WHERE lease_node = ?").param(node).update();
    }

    /** The poll strategy of one outbox's endpoint: a poll starts only under the lease. */
    DefaultPollingConsumerPollStrategy strategyFor(String outbox) {
        return new DefaultPollingConsumerPollStrategy() {
            @Override
            public boolean begin(Consumer consumer, Endpoint endpoint) {
                return hold(outbox);
            }
        };
    }
}
