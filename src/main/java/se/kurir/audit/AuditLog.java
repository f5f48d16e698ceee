package se.kurir.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import se.kurir.commit.GroupCommitWriter;

/**
 * Appends audit records through a single writer thread. Callers hand over an event and wait for the commit of the
 * batch it landed in: one disk sync serves every request that arrived meanwhile (group commit), and the chain is
 * computed in one place, so it cannot fork. A caller whose event records a state change (a message admitted,
 * delivered, fetched, acknowledged) hands the change over with it: both are written in the batch's transaction, so a
 * step costs one shared commit instead of two of its own, and the log and the state can never disagree.
 */
@Service
public class AuditLog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int DETAILS_COLUMN = 4000;

    private final AuditRepository repository;
    private final Clock clock;
    private final ObjectMapper json;
    private final GroupCommitWriter<Entry, Committed> writer;
    private final LongAdder unavailable = new LongAdder();
    private final CheckpointSigner signer;
    private final AuditProperties.Checkpoints checkpoints;
    private final int maxBatch;
    private long lastCheckpointSeq;
    private Instant lastCheckpointAt;

    AuditLog(AuditRepository repository, AuditProperties properties, Clock clock, ObjectMapper json,
            ObjectProvider<CheckpointSigner> signer) {
        this.repository = repository;
        this.clock = clock;
        this.json = json;
        this.signer = signer.getIfAvailable();
        this.checkpoints = properties.checkpoints();
        this.maxBatch = properties.maxBatch();
        if (this.signer == null) {
            log.warn(AuditLogCode.CHECKPOINTS_UNSIGNED + " no checkpoint key (kurir.audit.checkpoints.key-alias): "
                    + "the audit chain is not signed");
        }
        loadLastCheckpoint();
        writer = new GroupCommitWriter<>("kurir-audit-writer", properties.maxBatch(), properties.commitTimeout(),
                this::commit);
    }

    /**
     * An event and the state change it records, if any. A conditional entry's change returns whether it changed
     * anything, and its event is recorded only if it did.
     */
    private record Entry(AuditEvent event, Supplier<?> change, boolean conditional) {

        Entry(AuditEvent event, Supplier<?> change) {
            this(event, change, false);
        }
    }

    private record Committed(AuditRecord record, Object changed) {
    }

    /** What a change threw, kept apart from a failure of the audit write itself. */
    private static final class ChangeFailed extends RuntimeException {
        ChangeFailed(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }

        RuntimeException change() {
            return (RuntimeException) getCause();
        }
    }

    /** Records the event and returns once it is committed. */
    public AuditRecord append(AuditEvent event) {
        return submit(new Entry(event, null)).record();
    }

    /**
     * Records the event and, in the same transaction, the state change it records; returns what the change returned
     * once both are committed. The change runs on the writer thread, so it must be database writes only. A change
     * that throws fails alone, its record is not written, and the caller gets what it threw.
     */
    @SuppressWarnings("unchecked")
    public <T> T append(AuditEvent event, Supplier<T> change) {
        return (T) submit(new Entry(event, change)).changed();
    }

    /**
     * As {@link #appendAll}, for transitions that may already have happened (the same message delivered by two
     * copies of a queue message, on one node or two): each change says whether it changed the state, and only the
     * events of changes that did are recorded, so a transition is audited once however often it is attempted.
     *
     * @return for each change, whether it changed the state
     */
    public List<Boolean> appendAllIfChanged(List<AuditEvent> events, List<Supplier<Boolean>> changes) {
        if (events.size() != changes.size()) {
            throw new IllegalArgumentException("one change per event");
        }
        List<Entry> entries = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            entries.add(new Entry(events.get(i), changes.get(i), true));
        }
        return submitAll(entries).stream().map(committed -> Boolean.TRUE.equals(committed.changed())).toList();
    }

    /** As {@link #appendAllIfChanged}, for one transition. */
    public boolean appendIfChanged(AuditEvent event, Supplier<Boolean> change) {
        return appendAllIfChanged(List.of(event), List.of(change)).get(0);
    }

    /** As {@link #append(AuditEvent, Supplier)}, for a change that returns nothing. */
    public void append(AuditEvent event, Runnable change) {
        append(event, () -> {
            change.run();
            return null;
        });
    }

    /**
     * As {@link #append(AuditEvent, Supplier)} for several events at once, queued together so that they share a
     * commit: a run of deliveries taken in one broker transaction. Returns what each change returned, in order.
     */
    public <T> List<T> appendAll(List<AuditEvent> events, List<Supplier<T>> changes) {
        if (events.size() != changes.size()) {
            throw new IllegalArgumentException("one change per event");
        }
        List<Entry> entries = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            entries.add(new Entry(events.get(i), changes.get(i)));
        }
        @SuppressWarnings("unchecked")
        List<T> changed = (List<T>) submitAll(entries).stream().map(Committed::changed).toList();
        return changed;
    }

    private Committed submit(Entry entry) {
        return submitAll(List.of(entry)).get(0);
    }

    private List<Committed> submitAll(List<Entry> entries) {
        try {
            return writer.submitAll(entries);
        } catch (GroupCommitWriter.NotCommittedException e) {
            if (e.getCause() instanceof ChangeFailed failed) {
                throw failed.change();
            }
            unavailable.increment();
            throw new AuditUnavailableException("Audit record not committed: " + e.getMessage(), e);
        }
    }

    public List<AuditRecord> search(AuditQuery query) {
        return repository.search(query);
    }

    /** Recomputes the whole chain from the first record and names the first record that does not fit. */
    public AuditVerification verify() {
        return verify(null, null);
    }

    /**
     * Recomputes the whole chain from the first record, checks every signed checkpoint against the record it names
     * and the node's key, and, when an auditor gives the head it kept, that the log still has that record with that
     * hash: a log cut short, or rewritten with every hash recomputed, fails here though its chain holds.
     *
     * @param expectedSeq the sequence number of a head the auditor kept, or null
     * @param expectedHash its hash
     */
    public AuditVerification verify(Long expectedSeq, String expectedHash) {
        NavigableMap<Long, AuditCheckpoint> signed = repository.checkpoints();
        var state = new Object() {
            long expectedNext = 1;
            String prevHash = AuditChain.GENESIS;
            long checked;
            int checkpointsChecked;
            Long broken;
            String problem;

            void fail(long seq, String why) {
                if (broken == null) {
                    broken = seq;
                    problem = why;
                }
            }
        };
        repository.forEachInOrder(r -> {
            if (state.broken != null) {
                return;
            }
            state.checked++;
            if (r.seq() != state.expectedNext) {
                state.fail(r.seq(), "sequence gap: expected " + state.expectedNext);
            } else if (!r.prevHash().equals(state.prevHash)) {
                state.fail(r.seq(), "link to the previous record does not match");
            } else if (!AuditChain.hashOf(r).equals(r.hash())) {
                state.fail(r.seq(), "content does not match its hash");
            }
            AuditCheckpoint checkpoint = signed.get(r.seq());
            if (checkpoint != null && state.broken == null) {
                state.checkpointsChecked++;
                checkCheckpoint(checkpoint, r).ifPresent(why -> state.fail(r.seq(), why));
            }
            if (expectedSeq != null && r.seq() == expectedSeq && !r.hash().equals(expectedHash)) {
                state.fail(r.seq(), "does not match the expected head the auditor kept: the log was rewritten");
            }
            state.expectedNext = r.seq() + 1;
            state.prevHash = r.hash();
        });
        long head = state.expectedNext - 1;
        if (state.broken == null) {
            missingCheckpoint(signed, head).ifPresent(seq -> state.fail(seq, "signed checkpoints are missing "
                    + "before this record: more than " + maxCheckpointGap() + " records since the one before"));
        }
        if (state.broken == null && !signed.isEmpty() && signed.lastKey() > head) {
            state.fail(head + 1, "signed checkpoint " + signed.lastKey() + " is past the end of the log: records "
                    + "were cut off its end");
        }
        if (state.broken == null && expectedSeq != null && expectedSeq > head) {
            state.fail(head + 1, "the log ends at " + head + ", before the expected head " + expectedSeq
                    + " the auditor kept: records were cut off its end");
        }
        return new AuditVerification(state.broken == null, state.checked, state.broken, state.problem, head,
                state.prevHash, state.checkpointsChecked, signed.isEmpty() ? 0 : signed.lastKey());
    }

    /**
     * Once the node signs, no stretch of the chain is longer than a checkpoint's worth of records plus one batch
     * without a checkpoint: checkpoints removed to hide a rewrite leave such a stretch. The unsigned start of a log
     * from before the node had a key is not judged.
     */
    private Optional<Long> missingCheckpoint(NavigableMap<Long, AuditCheckpoint> signed, long head) {
        if (signed.isEmpty()) {
            return Optional.empty();
        }
        long previous = signed.firstKey();
        for (long seq : signed.tailMap(previous, false).keySet()) {
            if (seq - previous > maxCheckpointGap()) {
                return Optional.of(previous + maxCheckpointGap() + 1);
            }
            previous = seq;
        }
        return head - previous > maxCheckpointGap() ? Optional.of(previous + maxCheckpointGap() + 1)
                : Optional.empty();
    }

    private long maxCheckpointGap() {
        return (long) checkpoints.every() + maxBatch;
    }

    private Optional<String> checkCheckpoint(AuditCheckpoint checkpoint, AuditRecord record) {
        if (!checkpoint.hash().equals(record.hash())) {
            return Optional.of("does not match the signed checkpoint of its sequence number: the log was rewritten");
        }
        if (signer == null || !signer.verify(checkpoint.keyId(), checkpoint.signedBytes(), checkpoint.signature())) {
            return Optional.of("the signed checkpoint's signature does not verify with the node's checkpoint key "
                    + checkpoint.keyId());
        }
        return Optional.empty();
    }

    /** Records committed by this node since start; for metrics and tests. */
    public long appendedCount() {
        return writer.appendedCount();
    }

    /** Appends that failed because the log could not be written (its database down): each refused its request. */
    public long unavailableCount() {
        return unavailable.sum();
    }

    /** Transactions committed by this node since start: fewer than records when requests share commits. */
    public long commitCount() {
        return writer.commitCount();
    }

    private void loadLastCheckpoint() {
        var checkpoint = repository.lastCheckpoint();
        lastCheckpointSeq = checkpoint.map(AuditCheckpoint::seq).orElse(0L);
        lastCheckpointAt = checkpoint.map(AuditCheckpoint::signedAt).orElse(clock.instant());
    }

    /** The checkpoint this batch ends with, if it is time for one: after so many records, or so long. */
    private AuditCheckpoint checkpointAfter(long seq, String hash, Instant now) {
        if (signer == null || (seq - lastCheckpointSeq < checkpoints.every()
                && now.isBefore(lastCheckpointAt.plus(checkpoints.interval())))) {
            return null;
        }
        return new AuditCheckpoint(seq, hash, now, signer.keyId(),
                signer.sign(AuditCheckpoint.signedBytes(seq, hash, now)));
    }

    /**
     * Runs on the writer thread only, which is why the checkpoint bookkeeping needs no lock; the chain's head is the
     * database's, taken under its row lock ({@link AuditRepository#insert}), so other nodes may append in between.
     */
    private List<Committed> commit(List<Entry> batch) {
        // Millisecond precision: what every supported database stores exactly, so the hash survives a round trip.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> details = batch.stream().map(entry -> detailsJson(entry.event())).toList();
        Object[] changed = new Object[batch.size()];
        AuditRepository.Batch written;
        try {
            written = repository.insert(() -> {
                for (int i = 0; i < batch.size(); i++) {
                    changed[i] = change(batch.get(i));
                }
            }, head -> records(batch, details, changed, head, now));
        } catch (ChangeFailed e) {
            throw e;
        } catch (RuntimeException e) {
            log.error(AuditLogCode.BATCH_NOT_COMMITTED + " audit batch of {} records not committed; callers are "
                    + "refused", batch.size(), e);
            throw e;
        }
        if (written.checkpoint() != null) {
            lastCheckpointSeq = written.checkpoint().seq();
            lastCheckpointAt = written.checkpoint().signedAt();
        }
        List<Committed> committed = new ArrayList<>(batch.size());
        Iterator<AuditRecord> records = written.records().iterator();
        for (int i = 0; i < batch.size(); i++) {
            committed.add(new Committed(recorded(batch.get(i), changed[i]) ? records.next() : null, changed[i]));
        }
        return committed;
    }

    /** The batch's records, chained on from the head, and the checkpoint it ends with if it is time for one. */
    private AuditRepository.Batch records(List<Entry> batch, List<String> details, Object[] changed,
            AuditRepository.Head head, Instant now) {
        List<AuditRecord> records = new ArrayList<>(batch.size());
        long seq = head.seq();
        String prev = head.hash();
        for (int i = 0; i < batch.size(); i++) {
            if (!recorded(batch.get(i), changed[i])) {
                continue;
            }
            AuditEvent e = batch.get(i).event();
            seq++;
            String hash = AuditChain.hash(seq, now, e.type(), e.actor(), e.messageId(), e.sender(), e.recipient(),
                    e.product(), e.reasonCode(), e.legalBasis(), details.get(i), prev);
            records.add(new AuditRecord(seq, now, e.type(), e.actor(), e.messageId(), e.sender(), e.recipient(),
                    e.product(), e.reasonCode(), e.legalBasis(), details.get(i), prev, hash));
            prev = hash;
        }
        return new AuditRepository.Batch(records, records.isEmpty() ? null : checkpointAfter(seq, prev, now));
    }

    /** A conditional entry whose change changed nothing leaves no record. */
    private static boolean recorded(Entry entry, Object changed) {
        return !entry.conditional() || Boolean.TRUE.equals(changed);
    }

    private static Object change(Entry entry) {
        if (entry.change() == null) {
            return null;
        }
        try {
            return entry.change().get();
        } catch (RuntimeException e) {
            throw new ChangeFailed(e);
        }
    }

    private String detailsJson(AuditEvent event) {
        try {
            String details = json.writeValueAsString(event.details());
            // The column holds 4,000 characters; many long values make a record of how many there were instead.
            return details.length() <= DETAILS_COLUMN ? details
                    : json.writeValueAsString(Map.of("truncated", event.details().size() + " entries"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain strings", e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.close();
    }
}
