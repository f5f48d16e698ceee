package se.kurir.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import se.kurir.audit.AuditLog;

/**
 * {@code kurir.audit.records} (appended by this node) and {@code kurir.audit.commits} (the transactions they took):
 * their ratio is how many state changes share each durable write of the database, the hot path's group commit.
 */
@Component
class AuditMetrics implements MeterBinder {

    private final AuditLog audit;

    AuditMetrics(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        FunctionCounter.builder("kurir.audit.records", audit, AuditLog::appendedCount)
                .description("Audit records appended by this node, each with the state change it records")
                .register(meters);
        FunctionCounter.builder("kurir.audit.commits", audit, AuditLog::commitCount)
                .description("Database transactions those records were committed in").register(meters);
    }
}
