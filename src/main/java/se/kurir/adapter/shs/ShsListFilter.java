package se.kurir.adapter.shs;

import java.time.Instant;

/**
 * The filters of an SHS message list, each null (or false) when not asked for.
 *
 * @param product the Kurir product the producttype parameter maps to
 * @param admKind producttype=confirm or error: only the adm messages of that kind
 * @param unacknowledged filter=noack: only messages not yet acknowledged
 * @param since messages that arrived at or after this time
 * @param descending newest first (sortorder=descending on the timestamp)
 */
record ShsListFilter(String product, ShsAdmMessage.Kind admKind, boolean unacknowledged, int maxHits,
        String status, String corrId, String contentId, ShsAddress originator, ShsAddress endRecipient,
        Instant since, boolean descending) {
}
