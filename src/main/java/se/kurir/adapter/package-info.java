/**
 * Camel glue shared by every adapter: the route configurations (error handling declared once) and the header
 * names. All Camel code lives under {@code se.kurir.adapter}; domain packages never see it.
 */
package se.kurir.adapter;
