package org.lpr.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRegion;

class SecondPassTest {
    private static final Image PHOTO = Image.ofBgr(100, 20, new byte[100 * 20 * 3]);

    /** Scripted plug-in: finds the given rectangles (x, y, w, h) and counts its calls. */
    private static final class Rectangles implements PlateDetector {
        final double[][] boxes;
        int calls;

        Rectangles(double[]... boxes) {
            this.boxes = boxes;
        }

        @Override
        public List<PlateRegion> detect(Image image) {
            calls++;
            List<PlateRegion> out = new ArrayList<>();
            for (double[] b : boxes) {
                out.add(region(b[0], b[1], b[2], b[3]));
            }
            return out;
        }
    }

    /** Scripted plug-in: reads a crop by its width, fitting a format only where the width is 30. */
    private static final class ReadsByWidth implements PlateRecognizer {
        @Override
        public PlateReading recognize(Image crop) {
            String text = "W" + crop.width();
            Set<PlateReading.Flag> flags = crop.width() == 30 ? Set.of() : Set.of(PlateReading.Flag.NO_FORMAT_MATCH);
            return new PlateReading(List.of(new Candidate(text, 0.9)), List.of(), Jurisdiction.UNKNOWN, 0, flags);
        }
    }

    private static PlateRegion region(double x, double y, double w, double h) {
        return new PlateRegion(Polygon.rectangle(x, y, w, h), 0.9, PHOTO.crop((int) x, (int) y, (int) w, (int) h));
    }

    private static PlateReading reading(Set<PlateReading.Flag> flags) {
        return new PlateReading(List.of(new Candidate("ABC123", 0.9)), List.of(), Jurisdiction.UNKNOWN, 0, flags);
    }

    @Test
    void wanted_onlyWhereNoReadingFitsAFormat() {
        assertThat(SecondPass.wanted(List.of())).isTrue();
        assertThat(SecondPass.wanted(List.of(PlateReading.empty(), reading(Set.of(PlateReading.Flag.NO_FORMAT_MATCH))))).isTrue();
        assertThat(SecondPass.wanted(List.of(reading(Set.of(PlateReading.Flag.NO_FORMAT_MATCH)), reading(Set.of())))).isFalse();
        assertThat(SecondPass.wanted(List.of(reading(Set.of(PlateReading.Flag.LOW_QUALITY))))).isFalse();
    }

    @Test
    void beyond_dropsWhatIsMostlyAPlateFoundBefore() {
        List<PlateRegion> found = List.of(region(0, 0, 20, 10));
        List<PlateRegion> more = List.of(region(2, 1, 20, 10), region(50, 0, 30, 10), region(15, 0, 20, 10));
        // the first is mostly the plate found (18 x 9 of 200), the third overlaps it by a quarter (5 x 10 of 200)
        assertThat(SecondPass.beyond(found, more)).extracting(r -> r.polygon().minX()).containsExactly(50.0, 15.0);
        assertThat(SecondPass.beyond(List.of(), more)).hasSize(3);
        // measured against the smaller box, not the union: a box wholly inside the plate found is that plate (IoU 0.12)
        assertThat(SecondPass.beyond(found, List.of(region(2, 2, 6, 4)))).isEmpty();
        // exactly half of the smaller box inside is kept (more than half is the same plate)
        assertThat(SecondPass.beyond(found, List.of(region(10, 0, 20, 10)))).hasSize(1);
    }

    @Test
    void read_aPlateFittingNoFormat_looksAgain_andReadsOnlyWhatIsNew() {
        Rectangles first = new Rectangles(new double[] {0, 0, 20, 10});
        Rectangles second = new Rectangles(new double[] {1, 0, 20, 10}, new double[] {60, 5, 30, 10});
        SecondPass.Result r = SecondPass.read(PHOTO, first, second, new ReadsByWidth());
        assertThat(second.calls).isEqualTo(1);
        assertThat(r.regions()).extracting(g -> g.polygon().minX()).containsExactly(0.0, 60.0);
        assertThat(r.readings()).extracting(g -> g.candidates().get(0).text()).containsExactly("W20", "W30");
    }

    @Test
    void read_aPlateThatFitsAFormat_needsNoSecondLook() {
        Rectangles first = new Rectangles(new double[] {0, 0, 30, 10});
        Rectangles second = new Rectangles(new double[] {60, 5, 30, 10});
        SecondPass.Result r = SecondPass.read(PHOTO, first, second, new ReadsByWidth());
        assertThat(second.calls).isZero();
        assertThat(r.regions()).hasSize(1);
        assertThat(SecondPass.read(PHOTO, new Rectangles(), null, new ReadsByWidth()).regions()).isEmpty();
    }

    @Test
    void read_aRecognizerThatLosesCrops_isNamed() {
        PlateRecognizer short1 = new PlateRecognizer() {
            @Override
            public PlateReading recognize(Image crop) {
                return PlateReading.empty();
            }

            @Override
            public List<PlateReading> recognizeAll(List<Image> crops) {
                return List.of();
            }

            @Override
            public String name() {
                return "short";
            }
        };
        assertThatThrownBy(() -> SecondPass.read(PHOTO, new Rectangles(new double[] {0, 0, 20, 10}), null, short1))
                .isInstanceOf(LprException.class).hasMessageContaining("recognizer short returned 0 readings for 1 crops");
    }
}
