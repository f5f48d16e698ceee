/**
 * SHS 1.2 (Spridnings- och hämtningssystem), the protocol most agencies' integrations speak today, so that an SHS
 * client pointed at Kurir keeps working unchanged. The receive service ({@code POST /shs/rs}) reads a MIME message,
 * its {@code shs.label} first, then the data part, as a stream, and submits it to the same pipeline as every other
 * ingress; the delivery service ({@code /shs/ds/{outbox}}) lists a participant's own mailbox as an
 * {@code shs.message-list}, serves each message as MIME with a label written back from its envelope, and takes the
 * acknowledgement. What SHS names differently from Kurir is mapped here and nowhere else: addresses
 * {@code urn:X-shs:<orgnr>.<mailbox>}, product types by UUID through the registry, the legal basis from the agreement,
 * and the SHS error codes in {@code X-shs-errorcode}.
 */
package se.kurir.adapter.shs;
