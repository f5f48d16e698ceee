package se.kurir.privacy.psi;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;

/**
 * The party that answers and learns nothing but the size of the requester's list. Whether the requester may learn
 * which of its own identifiers match, or only how many, is the responder's decision (its agreement's): for the count
 * only, the requester's doubly blinded points go back shuffled.
 */
public final class PsiResponder {

    public enum Reveals { COUNT, MEMBERSHIP }

    private final PsiParty party;
    private final SecureRandom random;
    private final List<String> identifiers;
    private final Reveals reveals;
    private final int maxPoints;

    public PsiResponder(PsiGroup group, SecureRandom random, List<String> identifiers, Reveals reveals,
            int maxPoints) {
        this.party = new PsiParty(group, random);
        this.random = random;
        this.identifiers = List.copyOf(identifiers);
        this.reveals = reveals;
        this.maxPoints = maxPoints;
    }

    public void answer(DataInputStream in, DataOutputStream out) throws IOException {
        byte[][] requesters = party.reblind(PsiParty.read(in, maxPoints));
        if (reveals == Reveals.COUNT) {
            shuffle(requesters);
        }
        PsiParty.write(out, requesters);
        byte[][] own = party.blind(identifiers);
        shuffle(own);
        PsiParty.write(out, own);
    }

    private void shuffle(byte[][] points) {
        for (int i = points.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte[] swap = points[i];
            points[i] = points[j];
            points[j] = swap;
        }
    }
}
