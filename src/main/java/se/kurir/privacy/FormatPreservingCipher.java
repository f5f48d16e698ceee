package se.kurir.privacy;

import java.util.stream.IntStream;
import org.bouncycastle.crypto.fpe.FPEEngine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * FF1 (NIST SP 800-38G) over the decimal digits of a value, BouncyCastle's engine with AES-256. Separators stay where
 * they are. A Swedish personal identity number (personnummer or samordningsnummer, 12 digits with a valid check
 * digit) keeps that shape: the first eleven digits are enciphered and the check digit (Luhn over the last ten) is
 * computed anew, so systems that validate the number accept the pseudonym, and deciphering restores the original.
 * A pseudonym may look like some real person's number: the envelope says the field is pseudonymised.
 */
final class FormatPreservingCipher {

    /** SP 800-38G requires radix^length of at least a million. */
    static final int MIN_DIGITS = 6;
    private static final int RADIX = 10;
    private static final int IDENTITY_NUMBER_DIGITS = 12;
    private static final byte[] NO_TWEAK = new byte[0];

    private final FPEEngine engine = new FPEFF1Engine();

    FormatPreservingCipher(byte[] key, boolean encrypt) {
        engine.init(encrypt, new FPEParameters(new KeyParameter(key), RADIX, NO_TWEAK));
    }

    /** Enciphers (or deciphers) the digits of {@code value}; the caller names the field in any error. */
    String apply(String value) {
        int[] positions = digitPositions(value);
        if (positions.length < MIN_DIGITS) {
            throw new IllegalArgumentException("fpe needs at least " + MIN_DIGITS + " digits");
        }
        byte[] digits = new byte[positions.length];
        for (int i = 0; i < positions.length; i++) {
            digits[i] = (byte) (value.charAt(positions[i]) - '0');
        }
        boolean identityNumber = digits.length == IDENTITY_NUMBER_DIGITS;
        if (identityNumber && !hasValidCheckDigit(digits)) {
            throw new IllegalArgumentException("a 12-digit value must be a personal identity number with a valid "
                    + "check digit");
        }
        int enciphered = identityNumber ? IDENTITY_NUMBER_DIGITS - 1 : digits.length;
        byte[] out = new byte[digits.length];
        engine.processBlock(digits, 0, enciphered, out, 0);
        if (identityNumber) {
            out[IDENTITY_NUMBER_DIGITS - 1] = (byte) checkDigit(out);
        }
        char[] result = value.toCharArray();
        for (int i = 0; i < positions.length; i++) {
            result[positions[i]] = (char) ('0' + out[i]);
        }
        return new String(result);
    }

    private static int[] digitPositions(String value) {
        return IntStream.range(0, value.length()).filter(i -> value.charAt(i) >= '0' && value.charAt(i) <= '9')
                .toArray();
    }

    static boolean hasValidCheckDigit(byte[] twelveDigits) {
        return checkDigit(twelveDigits) == twelveDigits[IDENTITY_NUMBER_DIGITS - 1];
    }

    /** Luhn over YYMMDDNNN, the ten-digit form without its last digit. */
    static int checkDigit(byte[] twelveDigits) {
        int sum = 0;
        for (int i = 2; i < IDENTITY_NUMBER_DIGITS - 1; i++) {
            int product = twelveDigits[i] * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }
}
