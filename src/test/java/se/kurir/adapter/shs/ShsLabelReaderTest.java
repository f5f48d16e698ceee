package se.kurir.adapter.shs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The label variants SHS clients in the field write, read as SHS 1.2 means them; broken ones refused by name. */
class ShsLabelReaderTest {

    private static final String TX = "0f6b1a3e-8c2d-4e5f-9a7b-1c2d3e4f5a6b";
    private static final String PRODUCT = "6a1d3e52-4c1b-4a8e-9d57-2f0c6b8e1a01";

    private final ShsLabelReader reader = new ShsLabelReader();

    @Test
    void aLatin1LabelWithTheSwedishDoctypeAndHardWrappedStartTagsAndValues() {
        String label = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE shs.label SYSTEM "http://www.statskontoret.se/shs/dtd/shs.dtd">
                <shs.label tx.id="0f6b1a3e-8c2d-4e5f-
                  9a7b-1c2d3e4f5a6b" corr.id="k-2026-
                  0001"
                   sequence-type="event" status="test">
                <originator type="orgnr" name="Skatteverket">urn:X-shs:2021005448</originator>
                <from>urn:X-shs:
                  2021005448</from>
                <to commonName="Försäkringskassan">urn:X-shs:2021005521.kontroll</to>
                <product commonName="Inkomstuppgift">urn:X-shs:6a1d3e52-4c1b-4a8e-9d57-2f0c6b8e1a01</product>
                <meta name="period">2026-11</meta>
                <meta name="period">2026-12</meta>
                <subject>Inkomstuppgifter för
                   november</subject>
                <datetime>2026-12-03T10:15:30</datetime>
                <content content.id="c-77" comment="månadskörning">
                <data datapartType="xml" filename="inkomst_åäö.xml" no-of-bytes="1024" no-of-records="3"/>
                </content>
                <history node.id="n1" tx.id="x" datetime="2026-12-03T10:15:31"/>
                </shs.label>
                """;
        ShsLabel read = reader.read(label.getBytes(StandardCharsets.ISO_8859_1), null);

        assertThat(read.txId()).isEqualTo(TX);
        assertThat(read.corrId()).isEqualTo("k-2026-0001");
        assertThat(read.transferType()).isEqualTo(ShsLabel.TransferType.ASYNCH);
        assertThat(read.status()).isEqualTo("test");
        assertThat(read.sender()).isEqualTo(new ShsAddress("2021005448", null));
        assertThat(read.to().mailbox()).isEqualTo("2021005521.kontroll");
        assertThat(read.product()).isEqualTo(PRODUCT);
        assertThat(read.meta()).extracting(ShsLabel.Meta::value).containsExactly("2026-11", "2026-12");
        assertThat(read.subject()).isEqualTo("Inkomstuppgifter för november");
        assertThat(read.datetime()).isEqualTo(OffsetDateTime.of(2026, 12, 3, 10, 15, 30, 0, ZoneOffset.ofHours(1)));
        assertThat(read.contentId()).isEqualTo("c-77");
        assertThat(read.contentComment()).isEqualTo("månadskörning");
        assertThat(read.data()).singleElement().satisfies(part -> {
            assertThat(part.filename()).isEqualTo("inkomst_åäö.xml");
            assertThat(part.bytes()).isEqualTo(1024);
            assertThat(part.records()).isEqualTo(3);
        });
    }

    @Test
    void undeclaredUtf8AndUndeclaredLatin1AreBothReadRight() {
        String label = minimal("<subject>Årsbesked för Östersund</subject>");
        assertThat(reader.read(label.getBytes(StandardCharsets.UTF_8), null).subject())
                .isEqualTo("Årsbesked för Östersund");
        assertThat(reader.read(label.getBytes(StandardCharsets.ISO_8859_1), null).subject())
                .isEqualTo("Årsbesked för Östersund");
    }

    @Test
    void latin1BytesUnderACopiedUtf8DeclarationAreReadAsLatin1() {
        String label = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + minimal("<subject>Kö</subject>");
        assertThat(reader.read(label.getBytes(StandardCharsets.ISO_8859_1), null).subject()).isEqualTo("Kö");
    }

    @Test
    void aDateAloneIsSwedishMidnightAndAnOffsetIsKept() {
        assertThat(ShsLabelReader.datetime("2026-07-01"))
                .isEqualTo(OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(ShsLabelReader.datetime("2026-07-01 08:00:00+0000"))
                .isEqualTo(OffsetDateTime.of(2026, 7, 1, 8, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void aLabelWithoutFileNameOrVersionOrToIsComplete() {
        ShsLabel read = reader.read(minimal("").replace("<to>urn:X-shs:2021005521.kontroll</to>", "")
                .getBytes(StandardCharsets.UTF_8), null);
        assertThat(read.to()).isNull();
        assertThat(read.data()).singleElement().extracting(ShsLabel.DataPart::filename).isNull();
    }

    @Test
    void anEntityTheLabelDeclaresIsNeverExpanded() {
        String label = "<!DOCTYPE shs.label [<!ENTITY boom \"a\"><!ENTITY ext SYSTEM \"file:///etc/passwd\">]>"
                + minimal("<subject>&ext;&boom;</subject>");
        assertThatThrownBy(() -> reader.read(label.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ShsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ShsProblem.SHS_LABEL_INVALID);
                    assertThat(e.getMessage()).contains("not well-formed").doesNotContain("root:");
                });
    }

    @Test
    void whatTheLabelMustSayAndDoesNotIsRefusedByName() {
        assertRefused(minimal("").replace("tx.id=\"" + TX + "\"", ""), "shs.label/tx.id");
        assertRefused(minimal("").replace(TX, "not-a-uuid"), "shs.label/tx.id");
        assertRefused(minimal("").replace("<product>urn:X-shs:" + PRODUCT + "</product>", ""), "shs.label/product");
        assertRefused(minimal("").replace("urn:X-shs:2021005448", "urn:X-shs:12345"), "shs.label/from");
        assertRefused(minimal("<datetime>igår</datetime>"), "shs.label/datetime");
        assertRefused(minimal("").replace("sequence-type=\"event\"", "sequence-type=\"gossip\""),
                "shs.label/sequence-type");
        assertRefused(minimal("").replace("</shs.label>", ""), "not well-formed");
        assertRefused("<shs.message-list/>", "not shs.label");
    }

    private void assertRefused(String label, String naming) {
        assertThatThrownBy(() -> reader.read(label.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ShsException.class, e -> {
                    assertThat(e.shsCode()).isEqualTo(ShsErrorCode.ILLEGAL_MESSAGE_STRUCTURE);
                    assertThat(e.getMessage()).contains(naming);
                });
    }

    private static String minimal(String extra) {
        return "<shs.label tx.id=\"" + TX + "\" corr.id=\"c1\" sequence-type=\"event\">"
                + "<from>urn:X-shs:2021005448</from><to>urn:X-shs:2021005521.kontroll</to>"
                + "<product>urn:X-shs:" + PRODUCT + "</product>" + extra
                + "<content content.id=\"k1\"><data datapartType=\"txt\"/></content></shs.label>";
    }
}
