package org.lpr.ncic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A file of a million lines streams through the importer: entries arrive while most of it is unread. */
class MillionLineImportTest {
    private static final int LINES = 1_000_000;

    /** Generates {@code csv-header} text line by line, never as a whole, and counts what it served. */
    static final class GeneratedCsv extends Reader {
        private final int lines;
        private int next = -1; // -1: the header
        private String current = "";
        private int pos;
        long served;

        GeneratedCsv(int lines) {
            this.lines = lines;
        }

        private String line(int i) {
            if (i % 1000 == 999) {
                return "BAD#" + i + ",MO,PC,2026,,,,,N" + i + ",MO0920200,,20240101,EV\n"; // one bad plate per thousand
            }
            String plate = Integer.toString(i, 36).toUpperCase();
            return "P" + plate + ",MO,PC,2026,,FORD,F15,BLK,N" + i + ",MO0920200,OCA" + i + ",20240101," + (i % 2 == 0 ? "EV" : "EL") + "\n";
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos == current.length()) {
                if (next >= lines) {
                    return -1;
                }
                current = next < 0 ? "LIC,LIS,LIT,LIY,VIN,VMA,VMO,VCO,NIC,ORI,OCA,DOT,MKE\n" : line(next);
                next++;
                pos = 0;
            }
            int n = Math.min(len, current.length() - pos);
            current.getChars(pos, pos + n, buf, off);
            pos += n;
            served += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void millionLines_streamWithoutLoadingTheFile_andCountEveryRejection() {
        GeneratedCsv text = new GeneratedCsv(LINES);
        AtomicLong accepted = new AtomicLong();
        long[] servedAtFirstEntry = {-1};

        ImportReport report = NcicLayouts.csvHeader().read(text, e -> {
            if (accepted.getAndIncrement() == 0) {
                servedAtFirstEntry[0] = text.served;
            }
        });

        assertThat(report.accepted()).isEqualTo(LINES - LINES / 1000).isEqualTo(accepted.get());
        assertThat(report.rejected()).isEqualTo(LINES / 1000);
        assertThat(report.errors()).hasSize(NcicLayout.DEFAULT_MAX_ERRORS);
        assertThat(report.errors().get(0)).isEqualTo(new LineError(1001, report.errors().get(0).reason()));
        assertThat(report.errors().get(0).reason()).contains("BAD#999");
        // the first entry was handed on after reading well under a megabyte of the ~60 MB of text
        assertThat(servedAtFirstEntry[0]).isPositive().isLessThan(1 << 20);
        assertThat(text.served).isGreaterThan(50_000_000L);
    }
}
