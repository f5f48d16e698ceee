package se.kurir.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import se.kurir.registry.PayloadProtection.SealingProfile;
import se.kurir.tool.CertificateAuthority;

/** The CMS codec on keys generated here: what is sealed opens for its recipient only, and tampering shows. */
class CmsSealerTest {

    private static final Instant NOW = Instant.now();
    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(30)));
    private static final byte[] PLAINTEXT = ("{\"personnummer\":\"191212121212\",\"inkomst\":431200}"
            + "x".repeat(200_000)).getBytes(StandardCharsets.UTF_8);

    private final SigningKey sender = signingKey("2021005448");

    @ParameterizedTest
    @EnumSource(SealingProfile.class)
    void whatIsSealedOpensForItsRecipientWithTheSendersSignature(SealingProfile profile) throws Exception {
        DecryptionKey recipient = decryptionKey("2021005521", KeyKind.forProfile(profile));

        byte[] sealed = seal(PLAINTEXT, recipient.certificate());

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("191212121212");
        SealedPayload inspected = SealedPayload.read(new ByteArrayInputStream(sealed));
        assertThat(inspected.recipients()).singleElement().satisfies(r -> {
            assertThat(r.isFor(recipient.certificate())).isTrue();
            assertThat(r.profile()).contains(profile);
        });
        assertThat(inspected.isSignedBy(sender.certificate())).isTrue();

        var plaintext = new ByteArrayOutputStream();
        X509Certificate signer = CmsOpener.open(new ByteArrayInputStream(sealed), plaintext, List.of(recipient));
        assertThat(plaintext.toByteArray()).isEqualTo(PLAINTEXT);
        assertThat(signer).isEqualTo(sender.certificate());
    }

    @Test
    void anotherKeyCannotOpenIt() throws Exception {
        DecryptionKey recipient = decryptionKey("2021005521", KeyKind.EC_P256);
        DecryptionKey other = decryptionKey("2021006297", KeyKind.EC_P256);
        byte[] sealed = seal(PLAINTEXT, recipient.certificate());

        assertThatThrownBy(() -> CmsOpener.open(new ByteArrayInputStream(sealed), new ByteArrayOutputStream(),
                List.of(other))).isInstanceOf(CmsOpener.NotARecipientException.class);
    }

    @ParameterizedTest
    @EnumSource(SealingProfile.class)
    void alteredCiphertextIsRefusedByTheTagAndTheSignature(SealingProfile profile) throws Exception {
        DecryptionKey recipient = decryptionKey("2021005521", KeyKind.forProfile(profile));
        byte[] sealed = seal(PLAINTEXT, recipient.certificate());
        byte[] altered = sealed.clone();
        altered[sealed.length / 2] ^= 0x01; // in the middle of the encrypted content

        assertThat(SealedPayload.read(new ByteArrayInputStream(altered)).isSignedBy(sender.certificate())).isFalse();
        assertThatThrownBy(() -> CmsOpener.open(new ByteArrayInputStream(altered), new ByteArrayOutputStream(),
                List.of(recipient))).isInstanceOf(CmsOpener.AlteredPayloadException.class);
    }

    @Test
    void anAlteredSignatureIsRefused() throws Exception {
        DecryptionKey recipient = decryptionKey("2021005521", KeyKind.RSA);
        byte[] sealed = seal(PLAINTEXT, recipient.certificate());
        byte[] signature = new org.bouncycastle.cms.CMSSignedData(sealed).getSignerInfos().getSigners().iterator()
                .next().getSignature();
        int at = indexOf(sealed, signature);
        assertThat(at).isPositive();
        byte[] altered = sealed.clone();
        altered[at + signature.length - 1] ^= 0x01; // the last byte of the ECDSA value s: still well-formed DER

        assertThat(SealedPayload.read(new ByteArrayInputStream(altered)).isSignedBy(sender.certificate())).isFalse();
        assertThatThrownBy(() -> CmsOpener.open(new ByteArrayInputStream(altered), new ByteArrayOutputStream(),
                List.of(recipient))).isInstanceOf(CmsOpener.AlteredPayloadException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void aSignatureByAnotherKeyDoesNotCountAsTheSenders() throws Exception {
        DecryptionKey recipient = decryptionKey("2021005521", KeyKind.RSA);
        SigningKey impostor = signingKey("2021005448");
        var out = new ByteArrayOutputStream();
        CmsSealer.seal(new ByteArrayInputStream(PLAINTEXT), out, impostor, List.of(recipient.certificate()));

        SealedPayload inspected = SealedPayload.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(inspected.names(sender.certificate())).isFalse();
        assertThat(inspected.isSignedBy(sender.certificate())).isFalse();
        assertThat(inspected.includedSignerCertificate()).contains(impostor.certificate());
    }

    @Test
    void afterARotationOldAndNewMessagesOpenWithTheKeysTheRecipientKeeps() throws Exception {
        DecryptionKey old = decryptionKey("2021005521", KeyKind.MLKEM768_ECDH_P256);
        DecryptionKey current = decryptionKey("2021005521", KeyKind.MLKEM768_ECDH_P256);
        byte[] before = seal("before".getBytes(StandardCharsets.UTF_8), old.certificate());
        byte[] after = seal("after".getBytes(StandardCharsets.UTF_8), current.certificate());

        assertThat(open(before, List.of(current, old))).isEqualTo("before");
        assertThat(open(after, List.of(current, old))).isEqualTo("after");
        assertThatThrownBy(() -> CmsOpener.open(new ByteArrayInputStream(before), new ByteArrayOutputStream(),
                List.of(current))).isInstanceOf(CmsOpener.NotARecipientException.class);
    }

    @Test
    void somethingElseIsNotASealedPayload() throws Exception {
        assertThatThrownBy(() -> SealedPayload.read(new ByteArrayInputStream(PLAINTEXT)))
                .isInstanceOf(MalformedSealException.class);
        byte[] sealed = seal(PLAINTEXT, decryptionKey("2021005521", KeyKind.EC_P256).certificate());
        byte[] truncated = java.util.Arrays.copyOf(sealed, sealed.length / 2);
        assertThatThrownBy(() -> SealedPayload.read(new ByteArrayInputStream(truncated)))
                .isInstanceOf(MalformedSealException.class);
    }

    @Test
    void aFailingDiskIsAnInputErrorNotAMalformedPayload() throws Exception {
        byte[] sealed = seal(PLAINTEXT, decryptionKey("2021005521", KeyKind.EC_P256).certificate());
        var failing = new java.io.FilterInputStream(new ByteArrayInputStream(sealed)) {
            private int reads;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (++reads > 3) {
                    throw new IOException("disk gone");
                }
                return super.read(b, off, len);
            }
        };
        assertThatThrownBy(() -> SealedPayload.read(failing)).isInstanceOf(IOException.class)
                .hasMessage("disk gone");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String open(byte[] sealed, List<DecryptionKey> keys) throws IOException {
        var out = new ByteArrayOutputStream();
        CmsOpener.open(new ByteArrayInputStream(sealed), out, keys);
        return out.toString(StandardCharsets.UTF_8);
    }

    private byte[] seal(byte[] plaintext, X509Certificate recipient) throws IOException {
        var out = new ByteArrayOutputStream();
        CmsSealer.seal(new ByteArrayInputStream(plaintext), out, sender, List.of(recipient));
        return out.toByteArray();
    }

    static SigningKey signingKey(String orgNumber) {
        try {
            KeyPair key = CertificateAuthority.generate(KeyKind.EC_P256);
            return new SigningKey(CA.issue(orgNumber, "Sender", CertificateUsage.SIGNING, key.getPublic(),
                    NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(10))), key.getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static DecryptionKey decryptionKey(String orgNumber, KeyKind kind) {
        try {
            KeyPair key = CertificateAuthority.generate(kind);
            return new DecryptionKey(CA.issue(orgNumber, "Recipient", CertificateUsage.ENCRYPTION, key.getPublic(),
                    NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(10))), key.getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
