/**
 * The envelope: routing and legal metadata of one message, and its legal-basis tag (rättslig grund).
 * Public API: {@link se.kurir.envelope.Envelope}, {@link se.kurir.envelope.LegalBasis}, the readers for the JSON
 * and XML forms (both validated against the schemas in {@code xsd/}) and {@link se.kurir.envelope.InvalidEnvelopeException}.
 * Plain Java and Jackson only: no Camel, no Spring web.
 */
package se.kurir.envelope;
