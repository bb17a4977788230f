package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.spi.PlateReading.Flag;

class EnsembleReaderTest {
    private static double[] step(String chars, double... probs) {
        double[] s = new double[Alphabet.SIZE];
        double rest = 1;
        for (int i = 0; i < chars.length(); i++) {
            s[Alphabet.reducedOf(chars.charAt(i))] = probs[i];
            rest -= probs[i];
        }
        s[0] = rest;
        return s;
    }

    private static double[] blank() {
        return step("");
    }

    private static PlateReader.Analysis analysis(double[][] p) {
        return new PlateReader.Analysis(p, CtcDecoder.kBest(p, 10, 16, Plate.MAX_LENGTH), Jurisdiction.UNKNOWN, 0,
                EnumSet.noneOf(Flag.class), null);
    }

    private static PlateReader.Analysis analysis(double[][] p, Jurisdiction state) {
        return new PlateReader.Analysis(p, CtcDecoder.kBest(p, 10, 16, Plate.MAX_LENGTH), state, 0.9,
                EnumSet.noneOf(Flag.class), null);
    }

    private static EnsembleReader ensemble(double merge) {
        // combine() uses neither reader: it weighs distributions it is given
        return new EnsembleReader(null, null, 0.5, FormatRescorer.of(EnsemblePlateRecognizer.SCORED), merge);
    }

    @Test
    void combine_readingBothModelsFindLikely_beatsEachModelsOwnBest() {
        // line reader: "AB7" (0.6) or "A87" (0.4); whole-crop reader: "A87X" (0.55) or "A87" (0.45)
        double[][] line = {step("A", 0.99), blank(), step("B8", 0.6, 0.4), blank(), step("7", 0.99)};
        double[][] whole = {step("A", 0.99), step("8", 0.99), step("7", 0.99), step("X", 0.55)};
        List<Decoded> out = ensemble(0).combine(analysis(line), whole, CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH));
        assertThat(out.get(0).text()).isEqualTo("A87");
        double expected = Math.sqrt(Math.exp(CtcDecoder.logProbability(line, "A87")) * Math.exp(CtcDecoder.logProbability(whole, "A87")));
        assertThat(out.get(0).probability()).isCloseTo(expected, within(1e-9));
        // each model's own best is impossible under the other (no B, no X there): left out
        assertThat(out).extracting(Decoded::text).doesNotHaveDuplicates().doesNotContain("AB7", "A87X");
    }

    @Test
    void combine_lineReaderSureOfALetterInAWord_plateModelDecidesOAndZero() {
        // a generic reader reads the word-like "G0LF" as "GOLF"; the plate model sees a zero
        double[][] line = {step("G", 0.99), blank(), step("O0", 0.9, 0.1), blank(), step("L", 0.99), blank(), step("F", 0.99)};
        double[][] whole = {step("G", 0.99), step("0O", 0.7, 0.3), step("L", 0.99), step("F", 0.99)};
        List<Decoded> kw = CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH);
        assertThat(ensemble(0).combine(analysis(line), whole, kw).get(0).text()).isEqualTo("GOLF");
        assertThat(ensemble(1).combine(analysis(line), whole, kw).get(0).text()).isEqualTo("G0LF");
        assertThat(ensemble(EnsemblePlateRecognizer.LOOK_ALIKE_MERGE).combine(analysis(line), whole, kw).get(0).text()).isEqualTo("G0LF");
    }

    @Test
    void combine_halfPooled_lineReaderSureOfAOneOutweighsAPlateModelLeaningToI() {
        // the line reader sees a flagged 1 (0.95); the plate model leans to I (0.6): pooled fully, the line reader has
        // no say and "I" wins; half pooled, its 0.975 against 0.525 outweighs the plate model's 0.6 against 0.4
        double[][] line = {step("1I", 0.95, 0.05), blank(), step("0", 0.99), blank(), step("4", 0.99)};
        double[][] whole = {step("I1", 0.6, 0.4), step("0", 0.99), step("4", 0.99)};
        List<Decoded> kw = CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH);
        assertThat(ensemble(1).combine(analysis(line), whole, kw).get(0).text()).isEqualTo("I04");
        assertThat(ensemble(EnsemblePlateRecognizer.LOOK_ALIKE_MERGE).combine(analysis(line), whole, kw).get(0).text()).isEqualTo("104");
    }

    @Test
    void combine_weightZeroOrOne_oneModelDecidesAlone_noNaN() {
        // "AB7" is impossible for the whole-crop model, "A87X" for the line reader: with all the weight on one
        // model, the other's impossibility must not poison the score (0 x -infinity)
        double[][] line = {step("A", 0.99), blank(), step("B8", 0.6, 0.4), blank(), step("7", 0.99)};
        double[][] whole = {step("A", 0.99), step("8", 0.99), step("7", 0.99), step("X", 0.55)};
        List<Decoded> kw = CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH);
        for (double w : new double[] {0, 1}) {
            List<Decoded> out = new EnsembleReader(null, null, w, FormatRescorer.of(EnsemblePlateRecognizer.SCORED), 0)
                    .combine(analysis(line), whole, kw);
            assertThat(out).as("weight %s", w).allSatisfy(d -> assertThat(d.probability()).isNotNaN());
            assertThat(out.get(0).text()).as("weight %s", w).isEqualTo(w == 1 ? "AB7" : "A87X");
        }
    }

    @Test
    void combine_thirdVote_tipsAnEvenSplitAndWeighsAsAGeometricMean() {
        // the line reader and the whole-crop reader split evenly between "A8" and "AB"; the compact reader sees "A8"
        double[][] line = {step("A", 0.99), blank(), step("8B", 0.5, 0.5)};
        double[][] whole = {step("A", 0.99), step("B8", 0.5, 0.5)};
        double[][] compact = {step("A", 0.99), step("8B", 0.8, 0.2)};
        List<Decoded> kw = CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH);
        EnsembleReader three = new EnsembleReader(null, null, null, 0.5, 0.15, FormatRescorer.of(EnsemblePlateRecognizer.SCORED), 0);
        EnsembleReader.Vote vote = new EnsembleReader.Vote(compact, CtcDecoder.kBest(compact, 10, 16, Plate.MAX_LENGTH), 0.15);
        List<Decoded> out = three.combine(analysis(line), whole, kw, vote);
        assertThat(out.get(0).text()).isEqualTo("A8");
        double expected = Math.exp(0.5 * CtcDecoder.logProbability(line, "A8") + 0.35 * CtcDecoder.logProbability(whole, "A8")
                + 0.15 * CtcDecoder.logProbability(compact, "A8"));
        assertThat(out.get(0).probability()).isCloseTo(expected, within(1e-9));
        // the same compact reader seeing "AB" tips it the other way
        double[][] other = {step("A", 0.99), step("B8", 0.8, 0.2)};
        EnsembleReader.Vote otherVote = new EnsembleReader.Vote(other, CtcDecoder.kBest(other, 10, 16, Plate.MAX_LENGTH), 0.15);
        assertThat(three.combine(analysis(line), whole, kw, otherVote).get(0).text()).isEqualTo("AB");
    }

    @Test
    void combine_secondLineVote_takesItsWeightFromTheLineReaders() {
        // PP-OCRv4 leans to "AB", PP-OCRv3 to "A8"; the whole-crop readers are split evenly
        double[][] line = {step("A", 0.99), blank(), step("B8", 0.6, 0.4)};
        double[][] second = {step("A", 0.99), blank(), step("8B", 0.9, 0.1)};
        double[][] whole = {step("A", 0.99), step("B8", 0.5, 0.5)};
        double[][] compact = {step("A", 0.99), step("8B", 0.5, 0.5)};
        List<Decoded> kw = CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH);
        EnsembleReader four = new EnsembleReader(null, null, null, 0.5, 0.35, FormatRescorer.of(EnsemblePlateRecognizer.SCORED), 0);
        EnsembleReader.Vote third = new EnsembleReader.Vote(compact, CtcDecoder.kBest(compact, 10, 16, Plate.MAX_LENGTH), 0.35);
        EnsembleReader.Vote v3 = new EnsembleReader.Vote(second, CtcDecoder.kBest(second, 10, 16, Plate.MAX_LENGTH), 0.25);
        // without the second vote the line reader's "AB" wins; with it "A8", each text scored as the weighted geometric mean
        assertThat(four.combine(analysis(line), whole, kw, third).get(0).text()).isEqualTo("AB");
        Decoded threeBest = four.combine(analysis(line), whole, kw, third, null).get(0);
        assertThat(threeBest.probability()).isCloseTo(Math.exp(0.5 * CtcDecoder.logProbability(line, "AB")
                + 0.15 * CtcDecoder.logProbability(whole, "AB") + 0.35 * CtcDecoder.logProbability(compact, "AB")), within(1e-9));
        List<Decoded> out = four.combine(analysis(line), whole, kw, third, v3);
        assertThat(out.get(0).text()).isEqualTo("A8");
        double expected = Math.exp(0.25 * CtcDecoder.logProbability(line, "A8") + 0.25 * CtcDecoder.logProbability(second, "A8")
                + 0.15 * CtcDecoder.logProbability(whole, "A8") + 0.35 * CtcDecoder.logProbability(compact, "A8"));
        assertThat(out.get(0).probability()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void combine_lineAndThirdTakeAllTheWeight_wholeCropReaderHasNoSay() {
        // 0.85 + 0.15 leaves a rounding remainder for the whole-crop reader, which cannot produce "AB": it must not veto it
        double[][] line = {step("A", 0.99), blank(), step("B", 0.99)};
        double[][] whole = {step("A", 0.99), step("8", 0.99)};
        double[][] compact = {step("A", 0.99), step("B", 0.99)};
        EnsembleReader three = new EnsembleReader(null, null, null, 0.85, 0.15, FormatRescorer.of(EnsemblePlateRecognizer.SCORED), 0);
        List<Decoded> out = three.combine(analysis(line), whole, CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH),
                new EnsembleReader.Vote(compact, CtcDecoder.kBest(compact, 10, 16, Plate.MAX_LENGTH), 0.15));
        assertThat(out.get(0).text()).isEqualTo("AB");
    }

    @Test
    void combineWhole_noLineRead_bothWholeCropReadersDecideInTheirEnsembleProportion() {
        // no line reading: plate-rec (weight 1 - 0.5 - 0.25 = 0.25) and the compact reader (0.25) weigh half each
        double[][] whole = {step("A", 0.99), step("B8", 0.6, 0.4)};
        double[][] compact = {step("A", 0.99), step("8B", 0.9, 0.1)};
        EnsembleReader three = new EnsembleReader(null, null, null, 0.5, 0.25, FormatRescorer.of(EnsemblePlateRecognizer.SCORED), 0);
        EnsembleReader.Vote vote = new EnsembleReader.Vote(compact, CtcDecoder.kBest(compact, 10, 16, Plate.MAX_LENGTH), 0.25);
        List<Decoded> out = three.combineWhole(whole, CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH), vote);
        // alone the whole-crop reader says "AB"; the compact reader's surer "A8" wins the even split
        assertThat(CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH).get(0).text()).isEqualTo("AB");
        assertThat(out.get(0).text()).isEqualTo("A8");
        double expected = Math.exp(0.5 * CtcDecoder.logProbability(whole, "A8") + 0.5 * CtcDecoder.logProbability(compact, "A8"));
        assertThat(out.get(0).probability()).isCloseTo(expected, within(1e-9));
        // a compact reader of weight 0 leaves the whole-crop reader alone
        EnsembleReader.Vote silent = new EnsembleReader.Vote(compact, vote.kBest(), 0);
        assertThat(three.combineWhole(whole, CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH), silent).get(0).text()).isEqualTo("AB");
    }

    @Test
    void combine_thirdVotesOwnBest_isACandidateToo() {
        // neither the line reader nor the whole-crop reader lists "AC" among its best, the compact reader does
        double[][] line = {step("A", 0.99), blank(), step("BC", 0.6, 0.3)};
        double[][] whole = {step("A", 0.99), step("BC", 0.6, 0.3)};
        double[][] compact = {step("A", 0.99), step("CB", 0.9, 0.05)};
        PlateReader.Analysis onlyAB = new PlateReader.Analysis(line, List.of(new Decoded("AB", 0.6, new double[] {0.99, 0.6})),
                Jurisdiction.UNKNOWN, 0, EnumSet.noneOf(Flag.class), null);
        EnsembleReader three = new EnsembleReader(null, null, null, 0.5, 0.15, FormatRescorer.of(EnsemblePlateRecognizer.SCORED), 0);
        assertThat(three.combine(onlyAB, whole, List.of(), null)).extracting(Decoded::text).containsExactly("AB");
        List<Decoded> out = three.combine(onlyAB, whole, List.of(), new EnsembleReader.Vote(compact,
                List.of(new Decoded("AC", 0.98, new double[] {0.99, 0.99})), 0.15));
        assertThat(out).extracting(Decoded::text).containsExactlyInAnyOrder("AB", "AC");
    }

    /** O 0.5, 0 0.2, I 0.1, blank 0.2: share 1 gives each of a pair the pair's sum; share 0.5 keeps half of each own. */
    @ParameterizedTest
    @CsvSource({"1, 0.7, 0.7, 0.1, 0.1", "0.5, 0.6, 0.45, 0.1, 0.05"})
    void mergeLookAlikes_eachOfAPairKeepsOneMinusShareOfItsOwnAndGetsShareOfTheSum(double share, double o, double zero,
            double i, double one) {
        double[][] merged = EnsembleReader.mergeLookAlikes(new double[][] {step("O0I", 0.5, 0.2, 0.1)}, share);
        assertThat(merged[0][Alphabet.reducedOf('O')]).isCloseTo(o, within(1e-12));
        assertThat(merged[0][Alphabet.reducedOf('0')]).isCloseTo(zero, within(1e-12));
        assertThat(merged[0][Alphabet.reducedOf('I')]).isCloseTo(i, within(1e-12));
        assertThat(merged[0][Alphabet.reducedOf('1')]).isCloseTo(one, within(1e-12));
        assertThat(merged[0][0]).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void combine_wyoming_countyNumberTheLineReaderMissed_isReadWithTheCountyPrior() {
        // the line finder boxed "339C" right of the horse; the whole-crop reader sees the county number 4 in front
        double[][] line = {step("3", 0.99), blank(), step("3", 0.99), blank(), step("9", 0.99), blank(), step("C", 0.99)};
        double[][] whole = {step("4", 0.9), step("3", 0.99), blank(), step("3", 0.99), step("9", 0.99), step("C", 0.99)};
        List<Decoded> kw = CtcDecoder.kBest(whole, 10, 16, Plate.MAX_LENGTH);
        EnsembleReader county = new EnsembleReader(null, null, null, 0.5, 0, FormatRescorer.of(EnsemblePlateRecognizer.SCORED),
                0, 1.0);
        List<Decoded> wy = county.combine(analysis(line, Jurisdiction.WY), whole, kw);
        assertThat(wy.get(0).text()).isEqualTo("4339C");
        // prior 1: the line reader scores "4339C" as it scores "339C", and has no say on the county digit's confidence
        double expected = Math.sqrt(Math.exp(CtcDecoder.logProbability(line, "339C")) * Math.exp(CtcDecoder.logProbability(whole, "4339C")));
        assertThat(wy.get(0).probability()).isCloseTo(expected, within(1e-9));
        assertThat(wy.get(0).charConfidences()[0]).isCloseTo(Math.sqrt(0.9), within(1e-9));
        // another state, or the prior off: the line reader cannot produce "4339C", so it is left out
        assertThat(county.combine(analysis(line, Jurisdiction.CO), whole, kw).get(0).text()).isEqualTo("339C");
        assertThat(ensemble(0).combine(analysis(line, Jurisdiction.WY), whole, kw)).extracting(Decoded::text).doesNotContain("4339C");
    }

    @Test
    void vote_countyPrior_leavesOutOnlyACountyNumberOneTo23() {
        double[][] line = {step("1", 0.99), blank(), step("2", 0.99), blank(), step("A", 0.99), blank(), step("B", 0.99)};
        EnsembleReader.Vote vote = new EnsembleReader.Vote(line, List.of(), 0.5, 0.3);
        double own = CtcDecoder.logProbability(line, "12AB");
        assertThat(vote.scored("12AB").logProbability()).isCloseTo(own, within(1e-12));
        // county 7, county 23 (two digits), county 3 before "12AB"
        assertThat(vote.scored("712AB").logProbability()).isCloseTo(Math.log(0.3) + own, within(1e-12));
        assertThat(vote.scored("2312AB").logProbability()).isCloseTo(Math.log(0.3) + own, within(1e-12));
        // 24 is no county number and 0 starts none: such texts stay impossible for this line
        assertThat(vote.scored("2412AB").logProbability()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(vote.scored("012AB").logProbability()).isEqualTo(Double.NEGATIVE_INFINITY);
        // without a prior nothing is left out
        assertThat(new EnsembleReader.Vote(line, List.of(), 0.5).scored("712AB").logProbability()).isEqualTo(Double.NEGATIVE_INFINITY);
        // a left-out county number's digits get the prior as the line reader's confidence
        assertThat(vote.scored("712AB").leftOut()).isEqualTo(1);
        assertThat(vote.scored("2312AB").leftOut()).isEqualTo(2);
        assertThat(vote.scored("12AB").leftOut()).isZero();
        assertThat(vote.confidences("712AB", 1)[0]).isEqualTo(0.3);
        assertThat(vote.confidences("712AB", 1)[1]).isCloseTo(0.99, within(1e-12));
    }

    /** A light crop with a dark "serial" of character-like strokes {@code charH} rows tall at its centre. */
    private static Image plateOfStrokes(int w, int h, int charH) {
        byte[] bgr = new byte[w * h * 3];
        Arrays.fill(bgr, (byte) 200);
        int top = h / 2 - charH / 2;
        for (int y = top; y < top + charH; y++) {
            for (int x = w / 4; x < 3 * w / 4; x++) {
                if ((x / 3) % 2 == 0) {
                    Arrays.fill(bgr, (y * w + x) * 3, (y * w + x) * 3 + 3, (byte) 20);
                }
            }
        }
        return Image.ofBgr(w, h, bgr);
    }

    @Test
    void plateFrame_looseCropWithSwollenLineBox_isNarrowedAroundTheCharacters() {
        // a 240x120 crop whose serial (20 rows of strokes) DB boxed 44 rows tall, as it boxes small text
        Image crop = plateOfStrokes(240, 120, 20);
        Quad line = new Quad(120, 60, 1, 0, 50, 22);
        double[] band = EnsembleReader.characterBand(crop, line);
        assertThat(band).isNotNull();
        assertThat(band[1] - band[0]).isBetween(19.0, 23.0);
        Image frame = EnsembleReader.plateFrame(crop, line);
        // 2.9 character heights tall, 2:1 wide, not the crop's 120 rows
        assertThat(frame.height()).isBetween(55, 68);
        assertThat(frame.width()).isBetween(2 * frame.height() - 4, 2 * frame.height() + 4);
    }

    @Test
    void plateFrame_leftExtra_reachesThatManyCharacterHeightsFurtherLeftOnly() {
        Image crop = plateOfStrokes(400, 200, 20);
        Quad line = new Quad(240, 100, 1, 0, 50, 22);
        Image plain = EnsembleReader.plateFrame(crop, line);
        Image wider = EnsembleReader.plateFrame(crop, line, EnsembleReader.COUNTY_FRAME_LEFT);
        double ch = EnsembleReader.characterBand(crop, line)[1] - EnsembleReader.characterBand(crop, line)[0];
        assertThat(wider.height()).isEqualTo(plain.height());
        assertThat((double) wider.width() - plain.width()).isCloseTo(EnsembleReader.COUNTY_FRAME_LEFT * ch, within(1.0));
        // the right-hand part is the plain frame: only the left edge moved
        Image right = wider.crop(wider.width() - plain.width(), 0, plain.width(), plain.height());
        assertThat(right.bgr()).isEqualTo(plain.bgr());
    }

    @Test
    void frameLeft_onlyWhereTheLineReaderNamesWyomingAndThePriorIsOn() {
        double[][] p = {step("1", 0.99)};
        assertThat(EnsembleReader.frameLeft(Optional.of(analysis(p, Jurisdiction.WY)), 1)).isEqualTo(EnsembleReader.COUNTY_FRAME_LEFT);
        assertThat(EnsembleReader.frameLeft(Optional.of(analysis(p, Jurisdiction.WY)), 0)).isZero();
        assertThat(EnsembleReader.frameLeft(Optional.of(analysis(p, Jurisdiction.CO)), 1)).isZero();
        assertThat(EnsembleReader.frameLeft(Optional.empty(), 1)).isZero();
    }

    @Test
    void plateFrame_tightPlateCropOrNoSerial_isReadWhole() {
        Image crop = plateOfStrokes(240, 120, 50);
        assertThat(EnsembleReader.plateFrame(crop, new Quad(120, 60, 1, 0, 70, 30))).isSameAs(crop);
        assertThat(EnsembleReader.plateFrame(crop, null)).isSameAs(crop);
        // a thin stripe of texture in a tall line box is not the serial's characters
        Image stripe = plateOfStrokes(240, 120, 4);
        assertThat(EnsembleReader.characterBand(stripe, new Quad(120, 60, 1, 0, 70, 30))).isNull();
        assertThat(EnsembleReader.plateFrame(stripe, new Quad(120, 60, 1, 0, 70, 30))).isSameAs(stripe);
    }
}
