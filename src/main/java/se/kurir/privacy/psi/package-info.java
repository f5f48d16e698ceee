/**
 * Private set intersection (ECDH-PSI): two participants learn how many identifiers their lists share, or the
 * requester learns which of its own are in the responder's list, and nothing else about the other's list but its
 * size. Identifiers are hashed to P-256 with RFC 9380 hash-to-curve (P256_XMD:SHA-256_SSWU_RO_, BouncyCastle) and
 * blinded with a secret scalar per party per run; since H(x)^ab = H(x)^ba, doubly blinded values match exactly when
 * the identifiers do. Security model: semi-honest parties, DDH on P-256 with the hash modelled as a random oracle.
 */
package se.kurir.privacy.psi;
