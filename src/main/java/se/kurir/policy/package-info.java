/**
 * Policy: decides per message whether the agreements allow it (ACCEPT), forbid it (REJECT with a stable
 * {@link se.kurir.policy.RejectionCode}) or require a manual confidentiality review (sekretessprövning) first
 * (REVIEW). Public API: {@link se.kurir.policy.PolicyEngine} and {@link se.kurir.policy.PolicyDecision}. Depends on
 * the envelope and the registry; no Camel, no Spring web.
 */
package se.kurir.policy;
