package se.kurir.privacy.psi;

/**
 * What the requester learnt.
 *
 * @param intersection how many of its identifiers the responder also has
 * @param responderSize how many identifiers the responder has
 * @param member per identifier of the requester, in its order, whether it is in the intersection; meaningful only
 *     when the responder revealed membership (otherwise the order is shuffled and only the count holds)
 */
public record PsiResult(int intersection, int responderSize, boolean[] member) {
}
