/**
 * SDK (Digg's Säker digital kommunikation): Kurir as an SDK message service. The SDK message v3
 * ({@code urn:riv:infrastructure:messaging:MessageWithAttachments:3}) validated against its schema and business rules,
 * mapped to and from Kurir envelopes; receipts (Meddelandekvittens, UBL ApplicationResponse); and the MT–MK REST API
 * agency systems send and fetch SDK messages through. Every SDK message enters the one pipeline.
 */
package se.kurir.adapter.sdk;
