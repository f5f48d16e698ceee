package se.kurir.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationNumbersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CN=Forsakringskassan, OID.2.5.4.97=NTRSE-2021005521               | 2021005521
            CN=System, SERIALNUMBER=SE2021005448                               | 2021005448
            CN=System, SERIALNUMBER=162021000076                               | 2021000076
            CN=2021005521+SERIALNUMBER=5566778899                              | 5566778899
            SERIALNUMBER=5566778899+CN=2021005521                              | 5566778899
            CN=2021005521+OID.2.5.4.97=NTRSE-2021002163, SERIALNUMBER=2021005448 | 2021002163
            """)
    void readsTheAttributeThatMatchedEvenInAMultiValuedName(String subject, String expected) {
        assertThat(OrganisationNumbers.fromSubject(new X500Principal(subject))).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CN=2021005521
            CN=2021005521+O=Kurir
            """)
    void aCommonNameAloneNamesNoParticipant(String subject) {
        assertThat(OrganisationNumbers.fromSubject(new X500Principal(subject))).isEmpty();
    }
}
