/**
 * The REST API under {@code /api/v1}: message ingress (streamed multipart), mailboxes, receipts, catalogue, reviews
 * and audit. Errors are RFC 7807 problem answers with a stable {@code code}. Controllers translate HTTP to domain
 * calls and back; rules live in the domain.
 */
package se.kurir.adapter.rest;
