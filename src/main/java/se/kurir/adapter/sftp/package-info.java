/**
 * Bulk files over SFTP and FTPS (camel-ftp). An <em>outbox</em> is a directory on a participant's file server that the
 * gateway polls: a data file plus its manifest ({@code <file>.manifest.json} or {@code .manifest.xml}, the envelope
 * with the legal-basis tag) becomes a message from that participant. An <em>inbox</em> is a directory the gateway
 * delivers a mailbox's messages to, under a temporary name renamed on completion, each followed by its manifest.
 * Servers, credentials and known hosts come from configuration ({@code kurir.files}), never from code.
 */
package se.kurir.adapter.sftp;
