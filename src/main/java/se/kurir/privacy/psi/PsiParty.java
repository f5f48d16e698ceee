package se.kurir.privacy.psi;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One side of a PSI run, with its secret blinding scalar, and the wire format both sides share: a count, then that
 * many compressed points. The elliptic-curve work runs on every core.
 */
class PsiParty {

    private final PsiGroup group;
    private final BigInteger secret;

    PsiParty(PsiGroup group, SecureRandom random) {
        this.group = group;
        this.secret = group.randomScalar(random);
    }

    /** H(x)^k for each identifier, in the order given. */
    byte[][] blind(List<String> identifiers) {
        return IntStream.range(0, identifiers.size()).parallel()
                .mapToObj(i -> PsiGroup.encode(group.hash(identifiers.get(i)).multiply(secret)))
                .toArray(byte[][]::new);
    }

    /** P^k for each point the other party blinded, in the order received. */
    byte[][] reblind(byte[][] theirs) {
        return IntStream.range(0, theirs.length).parallel()
                .mapToObj(i -> PsiGroup.encode(group.decode(theirs[i]).multiply(secret)))
                .toArray(byte[][]::new);
    }

    static void write(DataOutputStream out, byte[][] points) throws IOException {
        out.writeInt(points.length);
        for (byte[] point : points) {
            out.write(point);
        }
        out.flush();
    }

    static byte[][] read(DataInputStream in, int maxPoints) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > maxPoints) {
            throw new IOException("PSI: " + count + " points announced, at most " + maxPoints + " allowed");
        }
        byte[][] points = new byte[count][PsiGroup.POINT_BYTES];
        for (byte[] point : points) {
            in.readFully(point);
        }
        return points;
    }
}
