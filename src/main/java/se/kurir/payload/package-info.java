/**
 * The payload store: a content-addressed file store (SHA-256) implementing the claim-check pattern. A payload is
 * streamed in once, hashed and counted on the way, and never held whole in memory. Public API:
 * {@link se.kurir.payload.PayloadStore}, {@link se.kurir.payload.StoredPayload},
 * {@link se.kurir.payload.PayloadTooLargeException}. Plain Java and Spring core only.
 */
package se.kurir.payload;
