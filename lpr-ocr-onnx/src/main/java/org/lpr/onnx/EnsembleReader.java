package org.lpr.onnx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateReading.Flag;
import org.lpr.onnx.PlateReader.Analysis;

/**
 * Reads plate crops with two models and weighs every candidate by both: a line reader (PaddleOCR with
 * line finding: it keeps the serial apart from small side characters and reads the legend, so it tells
 * the state) and a whole-crop plate reader (plate-rec-v1: it knows plate fonts and layouts). The
 * candidates are both models' k-best readings. Each is scored under both models by the CTC forward
 * algorithm (the probability each model gives that exact text; the line reader's O and 0, I and 1 count
 * as one glyph, see {@link #mergeLookAlikes}), and the scores are combined as a weighted geometric mean
 * (a product of experts); then the per-state serial formats rescore them as for a single model.
 */
final class EnsembleReader implements AutoCloseable {
    private static final int K = 10;
    private static final int BEAM = 16;

    private final PlateReader lines;
    private final TextReader whole;
    private final double lineWeight;
    private final FormatRescorer rescorer;
    private final boolean lineMergesLookAlikes;

    EnsembleReader(PlateReader lines, TextReader whole, double lineWeight, OcrModel.Rescoring rescoring,
            boolean lineMergesLookAlikes) {
        this.lineMergesLookAlikes = lineMergesLookAlikes;
        this.lines = lines;
        this.whole = whole;
        this.lineWeight = lineWeight;
        this.rescorer = new FormatRescorer(SerialFormats.of(rescoring), rescoring.swaps(), rescoring.dropEnds());
    }

    List<PlateReading> read(List<Image> crops) {
        List<Optional<Analysis>> analyses = lines.analyse(crops);
        List<TextReader.Scores> scores = whole.read(crops.stream().map(TextReader.Line::whole).toList());
        List<PlateReading> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            TextReader.Scores s = scores.get(i);
            double[][] p = whole.alphabet(s.classes()).reduce(s.data(), s.offset(), s.steps(), s.classes());
            List<Decoded> wholeBest = CtcDecoder.kBest(p, K, BEAM, Plate.MAX_LENGTH);
            Optional<Analysis> a = analyses.get(i);
            if (a.isEmpty()) {
                // no line read as a serial: the whole-crop reader alone
                Analysis alone = new Analysis(p, wholeBest, Jurisdiction.UNKNOWN, 0, EnumSet.noneOf(Flag.class));
                out.add(PlateReader.finish(alone, wholeBest, rescorer));
            } else {
                List<Decoded> both = combine(a.get(), p, wholeBest);
                // the two models agree on no text at all (a line too short to hold any): the plate model alone
                out.add(PlateReader.finish(a.get(), both.isEmpty() ? wholeBest : both, rescorer));
            }
        }
        return out;
    }

    /** Both models' candidates, each scored under both models, best first; a text one of them cannot produce is left out. */
    List<Decoded> combine(Analysis line, double[][] wholeScores, List<Decoded> wholeBest) {
        double[][] lineScores = lineMergesLookAlikes ? mergeLookAlikes(line.serial()) : line.serial();
        Set<String> texts = new LinkedHashSet<>();
        line.kBest().forEach(d -> texts.add(d.text()));
        wholeBest.forEach(d -> texts.add(d.text()));
        List<Decoded> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            double lp = lineWeight * CtcDecoder.logProbability(lineScores, t)
                    + (1 - lineWeight) * CtcDecoder.logProbability(wholeScores, t);
            if (lp == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double[] c1 = CtcDecoder.confidences(lineScores, t);
            double[] c2 = CtcDecoder.confidences(wholeScores, t);
            double[] conf = new double[t.length()];
            for (int k = 0; k < conf.length; k++) {
                conf[k] = Math.pow(c1[k], lineWeight) * Math.pow(c2[k], 1 - lineWeight);
            }
            out.add(new Decoded(t, Math.exp(lp), conf));
        }
        out.sort(Comparator.comparingDouble(Decoded::probability).reversed());
        return out.subList(0, Math.min(2 * K, out.size()));
    }

    /** Pairs of characters that plates print with one glyph (O and 0, I and 1). */
    private static final char[][] SAME_GLYPH = {{'O', '0'}, {'I', '1'}};

    /**
     * The line reader's distributions with O and 0 (and I and 1) made one glyph: each gets the pair's
     * summed probability. A generic text reader tells them apart by language (a letter inside a word, a
     * digit among digits), not by the glyph, which many states print alike; so it votes on the glyph and
     * the plate model, which learned plate fonts and layouts, and the serial formats decide which it is.
     */
    static double[][] mergeLookAlikes(double[][] p) {
        double[][] out = new double[p.length][];
        for (int t = 0; t < p.length; t++) {
            out[t] = p[t].clone();
            for (char[] pair : SAME_GLYPH) {
                int a = Alphabet.reducedOf(pair[0]);
                int b = Alphabet.reducedOf(pair[1]);
                double sum = p[t][a] + p[t][b];
                out[t][a] = sum;
                out[t][b] = sum;
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } finally {
            whole.close();
        }
    }
}
