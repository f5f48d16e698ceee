package se.kurir.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadMediaTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/csv; charset=ISO-8859-1", "application/cms",
            "application/vnd.kurir+xml; profile=\"urn:kurir:x\"", "application/octet-stream"})
    void aPlainMediaTypeIsKept(String mediaType) {
        assertThat(PayloadMediaType.check("payload.Content-Type", mediaType)).isEqualTo(mediaType);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noneIsOctetStream(String mediaType) {
        assertThat(PayloadMediaType.check("mediaType", mediaType)).isEqualTo(PayloadMediaType.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "text/plain\r\nX-Injected: yes", "text/plain; a=\"b\nc\"", "/json",
            "text/plain;;", "tex t/plain", "application/json\u0000"})
    void whatIsNoMediaTypeOrCarriesControlCharactersIsRefusedNamingTheField(String mediaType) {
        assertThatThrownBy(() -> PayloadMediaType.check("mediaType", mediaType))
                .isInstanceOf(PayloadMediaType.InvalidMediaTypeException.class).hasMessageStartingWith("mediaType: ");
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 250, 5000})
    void anOverLongMediaTypeIsRefused(int length) {
        String mediaType = "application/" + "x".repeat(length - "application/".length());
        assertThatThrownBy(() -> PayloadMediaType.check("mediaType", mediaType))
                .hasMessage("mediaType: longer than 200 characters");
    }
}
