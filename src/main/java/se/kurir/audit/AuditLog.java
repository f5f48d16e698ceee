package se.kurir.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import se.kurir.commit.GroupCommitWriter;

/**
 * Appends audit records through a single writer thread. Callers hand over an event and wait for the commit of the
 * batch it landed in: one disk sync serves every request that arrived meanwhile (group commit), and the chain is
 * computed in one place, so it cannot fork.
 */
@Service
public class AuditLog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository repository;
    private final Clock clock;
    private final ObjectMapper json;
    private final GroupCommitWriter<AuditEvent, AuditRecord> writer;
    private long lastSeq;
    private String lastHash;

    AuditLog(AuditRepository repository, AuditProperties properties, Clock clock, ObjectMapper json) {
        this.repository = repository;
        this.clock = clock;
        this.json = json;
        loadTail();
        writer = new GroupCommitWriter<>("kurir-audit-writer", properties.maxBatch(), properties.commitTimeout(),
                this::commit);
    }

    /** Records the event and returns once it is committed. */
    public AuditRecord append(AuditEvent event) {
        try {
            return writer.submit(event);
        } catch (GroupCommitWriter.NotCommittedException e) {
            throw new AuditUnavailableException("Audit record not committed: " + e.getMessage(), e);
        }
    }

    public List<AuditRecord> search(AuditQuery query) {
        return repository.search(query);
    }

    /** Recomputes the whole chain from the first record and names the first record that does not fit. */
    public AuditVerification verify() {
        var state = new Object() {
            long expectedSeq = 1;
            String prevHash = AuditChain.GENESIS;
            long checked;
            Long broken;
            String problem;
        };
        repository.forEachInOrder(r -> {
            if (state.broken != null) {
                return;
            }
            state.checked++;
            if (r.seq() != state.expectedSeq) {
                state.broken = r.seq();
                state.problem = "sequence gap: expected " + state.expectedSeq;
            } else if (!r.prevHash().equals(state.prevHash)) {
                state.broken = r.seq();
                state.problem = "link to the previous record does not match";
            } else if (!AuditChain.hashOf(r).equals(r.hash())) {
                state.broken = r.seq();
                state.problem = "content does not match its hash";
            }
            state.expectedSeq = r.seq() + 1;
            state.prevHash = r.hash();
        });
        return new AuditVerification(state.broken == null, state.checked, state.broken, state.problem,
                state.expectedSeq - 1, state.prevHash);
    }

    /** Records committed by this node since start; for metrics and tests. */
    public long appendedCount() {
        return writer.appendedCount();
    }

    /** Transactions committed by this node since start: fewer than records when requests share commits. */
    public long commitCount() {
        return writer.commitCount();
    }

    private void loadTail() {
        var last = repository.last();
        lastSeq = last.map(AuditRecord::seq).orElse(0L);
        lastHash = last.map(AuditRecord::hash).orElse(AuditChain.GENESIS);
    }

    /** Runs on the writer thread only, which is why the tail needs no lock. */
    private List<AuditRecord> commit(List<AuditEvent> batch) {
        List<AuditRecord> records = new ArrayList<>(batch.size());
        long seq = lastSeq;
        String prev = lastHash;
        // Millisecond precision: what every supported database stores exactly, so the hash survives a round trip.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (AuditEvent e : batch) {
            String details = detailsJson(e);
            seq++;
            String hash = AuditChain.hash(seq, now, e.type(), e.actor(), e.messageId(), e.sender(), e.recipient(),
                    e.product(), e.reasonCode(), e.legalBasis(), details, prev);
            records.add(new AuditRecord(seq, now, e.type(), e.actor(), e.messageId(), e.sender(), e.recipient(),
                    e.product(), e.reasonCode(), e.legalBasis(), details, prev, hash));
            prev = hash;
        }
        try {
            repository.insert(records);
        } catch (RuntimeException e) {
            log.error("KUR-3001 audit batch of {} records not committed; callers are refused", batch.size(), e);
            // The tail stays where it was: the batch was one transaction, so none of it is in the table.
            throw e;
        }
        lastSeq = seq;
        lastHash = prev;
        return records;
    }

    private String detailsJson(AuditEvent event) {
        try {
            return json.writeValueAsString(event.details());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain strings", e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.close();
    }
}
