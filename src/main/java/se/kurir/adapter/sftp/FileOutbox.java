package se.kurir.adapter.sftp;

/**
 * A directory on a file server that the gateway polls: what lands there is sent as the participant named. Declared in
 * {@code routes/files/} (see {@link FileOutboxRoutes}); its server, with the secrets, in {@code kurir.files.servers}.
 *
 * @param name part of the route id, {@code file-outbox-<name>}, and of every pickup's record
 */
record FileOutbox(String name, String participant, FileServer server) {
}
