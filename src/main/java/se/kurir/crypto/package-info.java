/**
 * Payload protection with BouncyCastle: CMS (RFC 5652) sealed payloads, signed by the sender and encrypted for the
 * recipient with AES-256-GCM, streamed in constant memory; the registry of participants' certificates; the private
 * keys this node holds for the participants it serves. Public API: {@link se.kurir.crypto.PayloadSealing} (what the
 * pipeline asks), {@link se.kurir.crypto.CertificateRegistry} (what operators manage), and the plain CMS codec
 * {@link se.kurir.crypto.CmsSealer} / {@link se.kurir.crypto.CmsOpener} that agency systems can use on their side.
 * Key material never leaves the keystore file and this process: not into Hazelcast, the database or the logs.
 */
package se.kurir.crypto;
