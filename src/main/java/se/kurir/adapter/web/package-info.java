/**
 * The web, for people who do not integrate by machine (a small municipality, a case officer) and for reviewers,
 * auditors and operators: server-rendered pages (Thymeleaf) over the same services, policy and audit as the API, with
 * everything they need served by the node itself. Case officers work in the functional mailboxes given to them (as
 * their mailboxes' participant); reviewers release or deny held messages; auditors search and verify the audit log;
 * operators replay dead letters and read the registry. Swedish and English. See docs/WEB.md.
 */
package se.kurir.adapter.web;
