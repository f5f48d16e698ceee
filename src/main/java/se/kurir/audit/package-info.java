/**
 * The tamper-evident audit log: append-only, hash-chained, metadata only (never payload content). One writer thread
 * appends in batches and each caller waits for its batch's commit, so concurrent requests share disk syncs.
 * Public API: {@link se.kurir.audit.AuditLog} (append, search, verify), {@link se.kurir.audit.AuditEvent},
 * {@link se.kurir.audit.AuditRecord}. Plain Java, Spring core and JDBC only.
 */
package se.kurir.audit;
