/**
 * {@code bin/kurir}, the command line for agency systems, people and operators: send (resumable above a size, with
 * a progress bar), list, fetch, acknowledge, receipts, subscribe and follow a feed, verify the audit log against an
 * expected head, list and replay dead letters, seal and open payloads. It talks to a node's API like any client (an
 * API key, a client certificate for mutual TLS, or HTTP Basic for people), prints lines or {@code --json}, and says
 * how it went in its exit code ({@link ExitCodes}).
 */
package se.kurir.tool.cli;
