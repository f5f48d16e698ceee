package se.kurir.privacy.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** ECDH-PSI against the plain intersection of the same synthetic lists, and RFC 9380's own test vectors. */
class PrivateSetIntersectionTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final PsiGroup group = new PsiGroup();

    @Test
    void hashToCurveMatchesRfc9380Vectors() {
        var quux = new PsiGroup("QUUX-V01-CS02-with-P256_XMD:SHA-256_SSWU_RO_");
        ECPoint empty = quux.hash("").normalize();
        assertThat(hex(empty.getAffineXCoord().getEncoded()))
                .isEqualTo("2c15230b26dbc6fc9a37051158c95b79656e17a1a920b11394ca91c44247d3e4");
        assertThat(hex(empty.getAffineYCoord().getEncoded()))
                .isEqualTo("8a7a74985cc5c776cdfe4b1f19884970453912e9d31528c060be9ab5c43e8415");
        ECPoint abc = quux.hash("abc").normalize();
        assertThat(hex(abc.getAffineXCoord().getEncoded()))
                .isEqualTo("0bb8b87485551aa43ed54f009230450b492fead5f1cc91658775dac4a3388a0f");
    }

    @Test
    void theRequesterLearnsExactlyWhichOfItsIdentifiersTheResponderHas() throws IOException {
        List<String> fk = identifiers(0, 300);
        List<String> municipality = identifiers(200, 700);
        PsiResult result = run(fk, municipality, PsiResponder.Reveals.MEMBERSHIP);

        Set<String> plain = new HashSet<>(fk);
        plain.retainAll(new HashSet<>(municipality));
        assertThat(result.intersection()).isEqualTo(plain.size()).isEqualTo(100);
        assertThat(result.responderSize()).isEqualTo(municipality.size());
        for (int i = 0; i < fk.size(); i++) {
            assertThat(result.member()[i]).as(fk.get(i)).isEqualTo(plain.contains(fk.get(i)));
        }
    }

    @Test
    void forTheCountOnlyTheAnswerIsShuffledAndTheCountStillHolds() throws IOException {
        List<String> fk = identifiers(0, 400);
        List<String> municipality = identifiers(350, 1000);
        PsiResult result = run(fk, municipality, PsiResponder.Reveals.COUNT);
        assertThat(result.intersection()).isEqualTo(50);
        int trues = 0;
        for (boolean b : result.member()) {
            trues += b ? 1 : 0;
        }
        assertThat(trues).isEqualTo(50);
        boolean inOrder = true;
        for (int i = 0; i < fk.size(); i++) {
            inOrder &= result.member()[i] == (i >= 350);
        }
        assertThat(inOrder).as("the positions of the matches are hidden").isFalse();
    }

    @Test
    void blindedValuesRevealNothingComparableAcrossRuns() {
        List<String> ids = identifiers(0, 5);
        byte[][] first = new PsiParty(group, RANDOM).blind(ids);
        byte[][] second = new PsiParty(group, RANDOM).blind(ids);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(first[i]).hasSize(PsiGroup.POINT_BYTES).isNotEqualTo(second[i]);
        }
    }

    @Test
    void anEncodingThatIsNoPointOfTheCurveIsRefused() {
        byte[] bad = new byte[PsiGroup.POINT_BYTES];
        java.util.Arrays.fill(bad, (byte) 0xFF);
        bad[0] = 0x02; // x beyond the field prime
        assertThatThrownBy(() -> new PsiParty(group, RANDOM).reblind(new byte[][] {bad}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private PsiResult run(List<String> requesterIds, List<String> responderIds, PsiResponder.Reveals reveals)
            throws IOException {
        var requester = new PsiRequester(group, RANDOM, requesterIds, 10_000);
        var responder = new PsiResponder(group, RANDOM, responderIds, reveals, 10_000);
        var toResponder = new ByteArrayOutputStream();
        requester.sendBlinded(new DataOutputStream(toResponder));
        var toRequester = new ByteArrayOutputStream();
        responder.answer(new DataInputStream(new ByteArrayInputStream(toResponder.toByteArray())),
                new DataOutputStream(toRequester));
        assertThat(toResponder.size()).isEqualTo(4 + requesterIds.size() * PsiGroup.POINT_BYTES);
        return requester.receive(new DataInputStream(new ByteArrayInputStream(toRequester.toByteArray())));
    }

    /** Synthetic personal identity numbers of 1990 (day 01-28), index i maps to one number. */
    static List<String> identifiers(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(String.format("1990%02d%02d%04d", 1 + i / 28 / 1000 % 12, 1 + i / 1000 % 28, i % 10000));
        }
        return ids;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
