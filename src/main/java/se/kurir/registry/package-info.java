/**
 * Registry and product catalogue: participants (by organisation number), their mailboxes (funktionsbrevlådor),
 * products and agreements (överenskommelser). Seeded from {@code config/registry/*.yml} into the database at start-up,
 * then served from an immutable in-memory snapshot. Public API: {@link se.kurir.registry.Registry} and the value
 * records. Plain Java, Spring core and JDBC only.
 */
package se.kurir.registry;
