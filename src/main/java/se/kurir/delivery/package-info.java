/**
 * Messages and mailboxes: admission of a checked message, its state (in the database), receipts (kvittenser) to
 * the sender, delivery into a mailbox (funktionsbrevlåda), fetch and acknowledgement by the owner, and the manual
 * review (sekretessprövning) queue. The broker is reached only through the {@link se.kurir.delivery.MailboxQueue}
 * port, implemented by the Camel adapter. Plain Java, Spring core, JDBC and transactions only.
 */
package se.kurir.delivery;
