package se.kurir.privacy.psi;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The party that learns the result. It sends its identifiers blinded, gets them back blinded by the responder too,
 * and compares with the responder's blinded identifiers after blinding those itself.
 */
public final class PsiRequester {

    private final PsiParty party;
    private final List<String> identifiers;
    private final int maxPoints;

    public PsiRequester(PsiGroup group, SecureRandom random, List<String> identifiers, int maxPoints) {
        this.party = new PsiParty(group, random);
        this.identifiers = List.copyOf(identifiers);
        this.maxPoints = maxPoints;
    }

    public void sendBlinded(DataOutputStream out) throws IOException {
        PsiParty.write(out, party.blind(identifiers));
    }

    /**
     * Reads the responder's answer: the requester's points blinded twice (in the requester's order when membership
     * is revealed, shuffled otherwise), then the responder's own blinded points.
     */
    public PsiResult receive(DataInputStream in) throws IOException {
        byte[][] ownTwice = PsiParty.read(in, identifiers.size());
        byte[][] theirs = PsiParty.read(in, maxPoints);
        Set<ByteBuffer> theirsTwice = new HashSet<>(theirs.length * 2);
        for (byte[] point : party.reblind(theirs)) {
            theirsTwice.add(ByteBuffer.wrap(point));
        }
        boolean[] member = new boolean[ownTwice.length];
        int count = 0;
        for (int i = 0; i < ownTwice.length; i++) {
            member[i] = theirsTwice.contains(ByteBuffer.wrap(ownTwice[i]));
            count += member[i] ? 1 : 0;
        }
        return new PsiResult(count, theirs.length, member);
    }
}
