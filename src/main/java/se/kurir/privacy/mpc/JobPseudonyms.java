package se.kurir.privacy.mpc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The join key of one job: HMAC-SHA256 of the identity number under a key the input parties hold for this job and
 * the compute parties never see, cut to 64 bits (a chance of about 10^-7 that two of 1.3 million people collide).
 */
public final class JobPseudonyms {

    private final Mac mac;

    public JobPseudonyms(byte[] jobKey) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(jobKey, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }

    public long of(String identityNumber) {
        return ByteBuffer.wrap(mac.doFinal(identityNumber.getBytes(StandardCharsets.UTF_8))).getLong();
    }
}
