/** Request/reply toward the answering participant's query endpoint: the outbound HTTP call and its limits. */
package se.kurir.adapter.query;
