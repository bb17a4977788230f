package org.lpr.onnx;

import java.util.ArrayList;
import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.synth.PlateRenderer;
import org.lpr.synth.RenderedPlate;

/**
 * How many freshly rendered plates a recognizer reads exactly (best candidate equal to the rendered text), how many
 * with O and 0, I and 1 counted equal (lpr-synth's faces draw each pair alike), and which it misses exactly.
 */
record SyntheticAccuracy(double accuracy, double lookAlikeAccuracy, List<String> misses) {
    /** Reads plates {@code 0..plates-1} of {@code renderer} in one {@code recognizeAll} call. */
    static SyntheticAccuracy measure(PlateRecognizer recognizer, PlateRenderer renderer, int plates) {
        List<Image> crops = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int i = 0; i < plates; i++) {
            RenderedPlate p = renderer.render(i);
            crops.add(p.image());
            truth.add(p.plate().text());
        }
        List<PlateReading> readings = recognizer.recognizeAll(crops);
        int right = 0;
        int lookAlike = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < plates; i++) {
            String got = readings.get(i).candidates().isEmpty() ? "" : readings.get(i).candidates().get(0).text();
            if (fold(got).equals(fold(truth.get(i)))) {
                lookAlike++;
            }
            if (got.equals(truth.get(i))) {
                right++;
            } else {
                misses.add(truth.get(i) + "->" + got);
            }
        }
        return new SyntheticAccuracy(right / (double) plates, lookAlike / (double) plates, List.copyOf(misses));
    }

    private static String fold(String s) {
        return s.replace('O', '0').replace('I', '1');
    }
}
