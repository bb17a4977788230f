package org.lpr.ncic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lpr.core.HotListFormatException;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.read.Jurisdiction;

class NcicLayoutTest {
    private static final String HEADER = "LIC,LIS,LIT,LIY,VIN,VMA,VMO,VCO,NIC,ORI,OCA,DOT,MKE\n";

    private final List<HotListEntry> entries = new ArrayList<>();

    private ImportReport csv(String text) {
        return NcicLayouts.named("csv-header").read(new StringReader(text), entries::add);
    }

    @Test
    void csvHeader_validLine_becomesEntryWithNicIdOcaReferenceAndAttributes() {
        ImportReport r = csv(HEADER + "ABC1234,MO,PC,2026,1HGCM82633A004352,HOND,ACC,BLK,V123456789,MO0920200,24-001234,20240115,EV\n");

        assertThat(r).isEqualTo(new ImportReport(1, 0, List.of()));
        HotListEntry e = entries.get(0);
        assertThat(e.id()).isEqualTo("V123456789");
        assertThat(e.plate().text()).isEqualTo("ABC1234");
        assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.MO);
        assertThat(e.listType()).isEqualTo(ListType.STOLEN_VEHICLE);
        assertThat(e.priority()).isEqualTo(ListType.STOLEN_VEHICLE.defaultPriority());
        assertThat(e.reference()).isEqualTo("24-001234");
        assertThat(e.reason()).contains("stolen vehicle").contains("EV");
        assertThat(e.expiresAt()).isEmpty();
        assertThat(e.attributes()).containsEntry("VMA", "HOND").containsEntry("VCO", "BLK").containsEntry("LIY", "2026")
                .containsEntry("ORI", "MO0920200").containsEntry("DOT", "2024-01-15").containsEntry("VIN", "1HGCM82633A004352")
                .doesNotContainKey("LIC");
    }

    @Test
    void csvHeader_rfc4180Quoting_keepsSeparatorsQuotesAndLineBreaksInsideFields() {
        String text = "LIC,VMO,NIC,MKE\n"
                + "\"AB 123\",\"F-150, crew cab\",N1,EV\n"
                + "CD456,\"the \"\"Beast\"\"\",N2,EL\n"
                + "EF789,\"two\nlines\",N3,EV\n"
                + "\"GH012\",,N4,\"EW\"\n";

        ImportReport r = csv(text);

        assertThat(r.rejected()).isZero();
        assertThat(entries).extracting(e -> e.plate().text()).containsExactly("AB123", "CD456", "EF789", "GH012");
        assertThat(entries.get(0).attributes()).containsEntry("VMO", "F-150, crew cab");
        assertThat(entries.get(1).attributes()).containsEntry("VMO", "the \"Beast\"");
        assertThat(entries.get(2).attributes()).containsEntry("VMO", "two\nlines");
        assertThat(entries.get(3).listType()).isEqualTo(ListType.WANTED_PERSON);
    }

    @Test
    void csvHeader_unknownColumnsAndCodesOutsideTheLayoutAreIgnored() {
        ImportReport r = csv("NOTES,LIC,DTE,LIS,EXTRA\nhello,XYZ999,not-a-date,KS,42\n");

        assertThat(r.accepted()).isEqualTo(1);
        assertThat(entries.get(0).attributes()).doesNotContainKeys("DTE", "NOTES", "EXTRA");
        assertThat(entries.get(0).jurisdiction()).isEqualTo(Jurisdiction.KS);
    }

    @Test
    void csvHeader_badLines_areRejectedWithLineNumberAndReason_andImportGoesOn() {
        String text = HEADER
                + ",MO,,,,,,,N1,,,,EV\n"                        // 2: no LIC
                + "AB#12,MO,,,,,,,N2,,,,EV\n"                  // 3: invalid plate
                + "ABC123,ZZ,,,,,,,N3,,,,EV\n"                 // 4: invalid state
                + "ABC123,MO,,,,,,,N4,,,20241340,EV\n"          // 5: invalid date
                + "ABC123,MO,,,,,,,N5,,,,EV,extra\n"           // 6: too many fields
                + "ABC123,MO,,,,,,,N\"6,,,,EV\n"               // 7: quote inside unquoted field
                + "\"ABC123,MO,,,,,,,N7,,,,EV\n"               // 8: quote never closed ...
                + "GOOD1,MO,,,,,,,N8,,,,EV\n"                  // 9: ... which must not swallow this line
                + "ABC123,MO,,3000,,,,,N9,,,,EV\n"             // 10: invalid plate year
                + "ABC123,MO,,,,,,,N10,,,,QQ\n"                // 11: unknown message key
                + "GOOD2,Missouri,,,,,,,N11,,,2024-02-29,EL\n"; // 12: valid

        ImportReport r = csv(text);

        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(9);
        assertThat(entries).extracting(HotListEntry::id).containsExactly("N8", "N11");
        assertThat(r.errors()).extracting(LineError::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 10L, 11L);
        assertThat(r.errors().get(0).reason()).contains("LIC").contains("missing");
        assertThat(r.errors().get(1).reason()).contains("AB#12").contains("'#'");
        assertThat(r.errors().get(2).reason()).contains("LIS").contains("ZZ");
        assertThat(r.errors().get(3).reason()).contains("DOT").contains("20241340");
        assertThat(r.errors().get(4).reason()).contains("malformed").contains("14 fields").contains("13");
        assertThat(r.errors().get(5).reason()).contains("malformed").contains("double quote");
        assertThat(r.errors().get(6).reason()).contains("malformed").contains("not closed");
        assertThat(r.errors().get(7).reason()).contains("LIY").contains("3000");
        assertThat(r.errors().get(8).reason()).contains("MKE").contains("QQ");
    }

    @Test
    void csvHeader_headerWithoutLic_failsTheWholeFile() {
        assertThatThrownBy(() -> csv("PLATE,LIS\nABC123,MO\n"))
                .isInstanceOf(HotListFormatException.class)
                .hasMessageContaining("no column is LIC").hasMessageContaining("PLATE,LIS");
    }

    @Test
    void csvHeader_emptyFile_failsNamingTheMissingHeader() {
        assertThatThrownBy(() -> csv("")).isInstanceOf(HotListFormatException.class).hasMessageContaining("header");
    }

    @Test
    void messageKeys_codesAndTranslations_giveListTypes_andMissingKeyGivesLayoutDefault() {
        csv("LIC,MKE\nA1,EV\nA2,EL\nA3,EW\nA4,EME\nA5,EPO\nA6,MISSING PERSON ENDANGERED\nA7,stolen_license_plate\nA8,\nA9,EVP\n");

        assertThat(entries).extracting(HotListEntry::listType).containsExactly(
                ListType.STOLEN_VEHICLE, ListType.STOLEN_PLATE, ListType.WANTED_PERSON, ListType.MISSING_ENDANGERED,
                ListType.OFFICER_SAFETY, ListType.MISSING_ENDANGERED, ListType.STOLEN_PLATE,
                NcicLayouts.csvHeader().defaultListType(), ListType.OFFICER_SAFETY);
    }

    @Test
    void customMessageKey_andDefaultListType_areConfigurable() {
        NcicLayout layout = NcicLayout.delimited("state", ',').header().messageKey("SXO", ListType.OFFICER_SAFETY)
                .defaultListType(ListType.CRIMINAL_INVESTIGATION).build();

        layout.read(new StringReader("LIC,MKE\nA1,SXO\nA2,\n"), entries::add);

        assertThat(entries).extracting(HotListEntry::listType).containsExactly(ListType.OFFICER_SAFETY, ListType.CRIMINAL_INVESTIGATION);
    }

    @Test
    void anySeparator_withHeaderAliases() {
        NcicLayout layout = NcicLayout.delimited("caret", '^').header().alias("Plate", NcicField.LIC).alias("State", NcicField.LIS).build();

        ImportReport r = layout.read(new StringReader("Plate^State^NIC\nxyz 123^tx^N1\n"), entries::add);

        assertThat(r.accepted()).isEqualTo(1);
        assertThat(entries.get(0).plate().text()).isEqualTo("XYZ123");
        assertThat(entries.get(0).jurisdiction()).isEqualTo(Jurisdiction.TX);
    }

    @Test
    void namedDelimitedLayout_tabSeparated() {
        ImportReport r = NcicLayouts.named("delimited:tab").read(new StringReader("LIC\tLIS\tEXP\nQ1\tON\t2030-01-01\n"), entries::add);

        assertThat(r.accepted()).isEqualTo(1);
        assertThat(entries.get(0).jurisdiction()).isEqualTo(Jurisdiction.ON);
        assertThat(entries.get(0).expiresAt()).contains(java.time.Instant.parse("2030-01-02T00:00:00Z"));
    }

    @Test
    void positionalColumns_withoutHeader() {
        NcicLayout layout = NcicLayout.delimited("positional", '|').quoting(false).column(NcicField.NIC).skipColumn()
                .column(NcicField.LIC).column(NcicField.LIS).build();

        ImportReport r = layout.read(new StringReader("N1|ignored \"quote\"|ABC123|IL\nN2|x|DEF456\n"), entries::add);

        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.errors()).containsExactly(new LineError(2, "malformed: 3 fields, expected 4 as in layout positional"));
        assertThat(entries.get(0).jurisdiction()).isEqualTo(Jurisdiction.IL);
    }

    @Test
    void fixedWidth_readsColumnRanges_andShortLinesLeaveFieldsEmpty() {
        NcicLayout layout = NcicLayouts.named("fixed:LIC=1-8,LIS=9-10,MKE=11-13,NIC=14-23");

        ImportReport r = layout.read(new StringReader(
                "ABC123  MOEV V000000001\n"
                + "ZZZ999  TXEL V000000002\n"
                + "SHORT   IL\n"
                + "        MOEV V000000004\n"), entries::add);

        assertThat(r.accepted()).isEqualTo(3);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.reason()).contains("LIC");
        });
        assertThat(entries.get(0)).satisfies(e -> {
            assertThat(e.id()).isEqualTo("V000000001");
            assertThat(e.plate().text()).isEqualTo("ABC123");
            assertThat(e.jurisdiction()).isEqualTo(Jurisdiction.MO);
        });
        assertThat(entries.get(1).listType()).isEqualTo(ListType.STOLEN_PLATE);
        assertThat(entries.get(2).id()).isEqualTo("SHORT/IL@3");
    }

    @Test
    void builder_reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> NcicLayout.fixedWidth("bad").field(NcicField.LIS, 1, 2).field(NcicField.LIS, 2, 1)
                .field(NcicField.VIN, 0, 3).maxErrors(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column is LIC").hasMessageContaining("LIS is given twice")
                .hasMessageContaining("VIN columns 0-3").hasMessageContaining("overlap").hasMessageContaining("maxErrors -1");
    }

    @Test
    void named_unknownLayout_listsReadyOnes() {
        assertThatThrownBy(() -> NcicLayouts.named("xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xml'").hasMessageContaining("csv-header");
        assertThatThrownBy(() -> NcicLayouts.named("fixed:LIC=1-x,FOO=1-2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'LIC=1-x'").hasMessageContaining("'FOO=1-2'");
    }

    @Test
    void errorList_isCapped_butEveryRejectionIsCounted() {
        NcicLayout layout = NcicLayout.delimited("capped", ',').header().maxErrors(2).build();
        ImportReport r = layout.read(new StringReader("LIC\n#1\n#2\n#3\nOK1\n"), entries::add);

        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.errors()).extracting(LineError::line).containsExactly(2L, 3L);
        assertThat(r.errorsOmitted()).isEqualTo(1);
    }

    @Test
    void controlCharacterInAField_rejectsTheLine() {
        ImportReport r = csv("LIC,VMA\nABC123,FO\u0007RD\n");

        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("VMA").contains("U+0007"));
    }

    @Test
    void byteOrderMark_andCrLfLineEnds_areHandled() {
        ImportReport r = csv("\uFEFFLIC,LIS\r\nAAA111,MO\r\n\r\nBBB222,KS\r\n");

        assertThat(r.accepted()).isEqualTo(2);
        assertThat(entries).extracting(e -> e.jurisdiction()).containsExactly(Jurisdiction.MO, Jurisdiction.KS);
        assertThat(entries.get(0).expiresAt()).isEqualTo(Optional.empty());
    }
}
