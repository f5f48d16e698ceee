/**
 * Authentication and roles. Agency systems authenticate with an API key (stored as its SHA-256 only) and act as
 * their participant (role PARTICIPANT, principal name = organisation number); people authenticate with HTTP Basic
 * as OPERATOR, REVIEWER or AUDITOR. Credentials come from configuration; the demo ones live only in
 * {@code config/application-demo.yml}. Every endpoint requires authentication.
 */
package se.kurir.security;
