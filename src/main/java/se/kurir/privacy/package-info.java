/**
 * The privacy step: what runs on a payload after the policy has named its agreement and before it is sealed and
 * forwarded. A step is a {@link se.kurir.privacy.PrivacyStep} plug-in, found as a Spring bean by its name; the
 * agreement's {@link se.kurir.registry.PrivacyPlan} chooses it. Built in: {@code pseudonymise} (per-field keep,
 * drop, keyed HMAC pseudonyms, FF1 format-preserving encryption, generalisation, masking). Keys come from the
 * privacy keystore in versions ({@link se.kurir.privacy.PrivacyKeys}); re-identification is a separate, audited
 * operator action ({@link se.kurir.privacy.PseudonymReversal}). Secret sharing for multi-party computation lives in
 * {@code se.kurir.privacy.mpc}, private set intersection in {@code se.kurir.privacy.psi}.
 */
package se.kurir.privacy;
