package se.kurir.privacy.psi;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.hash2curve.HashToCurveProfile;
import org.bouncycastle.crypto.hash2curve.HashToEllipticCurve;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * The prime-order group PSI runs in: NIST P-256, identifiers mapped onto it by RFC 9380 hash-to-curve with a
 * domain-separation tag of Kurir's own, points exchanged in compressed form (33 bytes).
 */
public final class PsiGroup {

    public static final String DST = "KURIR-PSI-V01-CS01-with-P256_XMD:SHA-256_SSWU_RO_";
    public static final int POINT_BYTES = 33;

    private final HashToEllipticCurve hash;
    private final ECCurve curve;
    private final BigInteger order;

    public PsiGroup() {
        this(DST);
    }

    PsiGroup(String dst) {
        this.hash = HashToEllipticCurve.getInstance(HashToCurveProfile.P256_XMD_SHA_256, dst);
        this.curve = hash.hashToCurve(new byte[0]).getCurve();
        this.order = curve.getOrder();
    }

    ECPoint hash(String identifier) {
        return hash.hashToCurve(identifier.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh secret blinding scalar in [1, n-1]. */
    BigInteger randomScalar(SecureRandom random) {
        return BigIntegers.createRandomInRange(BigInteger.ONE, order.subtract(BigInteger.ONE), random);
    }

    static byte[] encode(ECPoint point) {
        return point.normalize().getEncoded(true);
    }

    /** Decodes a point the other party sent; refuses anything not on the curve (an invalid-curve attack). */
    ECPoint decode(byte[] encoded) {
        ECPoint point = curve.decodePoint(encoded);
        if (point.isInfinity() || !point.isValid()) {
            throw new IllegalArgumentException("not a point of P-256");
        }
        return point;
    }
}
