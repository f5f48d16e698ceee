/**
 * Log codes: the {@code KUR-nnnn} prefixes of log lines, one enum per concern in a reserved range. Free of Spring and
 * Camel, so domain packages use it as readily as adapters.
 */
package se.kurir.logging;
