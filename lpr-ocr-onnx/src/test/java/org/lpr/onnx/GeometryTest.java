package org.lpr.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lpr.core.image.Image;
import org.lpr.onnx.DbTextDetector.TextBox;

class GeometryTest {
    @Test
    void minAreaRect_rotatedRectangle_recoversItsSizeAndAngle() {
        double a = Math.toRadians(10);
        Quad truth = new Quad(50, 40, Math.cos(a), Math.sin(a), 30, 10);
        Quad q = MinAreaRect.of(truth.corners());
        assertThat(q.width()).isCloseTo(60, within(1e-6));
        assertThat(q.height()).isCloseTo(20, within(1e-6));
        assertThat(q.uy()).isCloseTo(Math.sin(a), within(1e-6));
    }

    @Test
    void warp_axisAlignedQuad_cutsTheSamePixelsAsACrop() {
        byte[] px = new byte[40 * 30 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7);
        }
        Image img = Image.ofBgr(40, 30, px);
        Image warped = Warp.warp(img, new double[] {10, 5, 30, 5, 30, 25, 10, 25}, 20, 20);
        assertThat(warped.bgr()).isEqualTo(img.crop(10, 5, 20, 20).bgr());
    }

    @Test
    void resize_matchesTheGeneralWarpOfTheWholeImage_withinRounding() {
        byte[] px = new byte[64 * 48 * 3];
        java.util.Random r = new java.util.Random(3);
        r.nextBytes(px);
        Image img = Image.ofBgr(64, 48, px);
        Image fast = Warp.resize(img, 40, 30);
        Image general = Warp.warp(img, new double[] {0, 0, 64, 0, 64, 48, 0, 48}, 40, 30);
        for (int i = 0; i < fast.bgr().length; i++) {
            assertThat(Math.abs((fast.bgr()[i] & 0xff) - (general.bgr()[i] & 0xff))).as("byte %d: %d vs %d", i, fast.bgr()[i] & 0xff, general.bgr()[i] & 0xff).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void halve_averagesEachTwoByTwoBlock() {
        byte[] px = new byte[4 * 2 * 3];
        for (int i = 0; i < 12; i++) {
            px[i] = (byte) (i < 6 ? 10 : 30);
            px[12 + i] = (byte) (i < 6 ? 20 : 40);
        }
        Image half = Warp.halve(Image.ofBgr(4, 2, px));
        assertThat(half.width()).isEqualTo(2);
        assertThat(half.height()).isEqualTo(1);
        assertThat(half.bgr()).containsExactly(15, 15, 15, 35, 35, 35);
    }

    @Test
    void group_plateNumberSplitInTwo_isOneLine_smallSideCharactersAreNot() {
        TextBox left = new TextBox(new Quad(100, 50, 1, 0, 30, 20), 0.9);
        TextBox right = new TextBox(new Quad(190, 52, 1, 0, 35, 20), 0.9);
        TextBox small = new TextBox(new Quad(245, 45, 1, 0, 6, 8), 0.9);
        TextBox legend = new TextBox(new Quad(150, 10, 1, 0, 60, 6), 0.9);
        List<TextLines.Line> lines = TextLines.group(List.of(left, right, small, legend));
        assertThat(lines).hasSize(3);
        TextLines.Line serial = lines.stream().filter(l -> l.boxes().size() == 2).findFirst().orElseThrow();
        assertThat(serial.quad().minX()).isCloseTo(70, within(1.0));
        assertThat(serial.quad().maxX()).isCloseTo(225, within(1.0));
    }

    @Test
    void group_groupsApartByAPictureEmblem_areOneLine_fartherApartAreNot() {
        // boxes 40 high; a picture emblem about as wide as a character leaves 1.4 heights between the groups
        TextBox left = new TextBox(new Quad(100, 50, 1, 0, 40, 20), 0.9);
        TextBox afterEmblem = new TextBox(new Quad(100 + 40 + 56 + 40, 50, 1, 0, 40, 20), 0.9);
        assertThat(TextLines.group(List.of(left, afterEmblem))).hasSize(1);
        TextBox farther = new TextBox(new Quad(100 + 40 + 72 + 40, 50, 1, 0, 40, 20), 0.9);
        assertThat(TextLines.group(List.of(left, farther))).hasSize(2);
    }

    @Test
    void group_overlappingBoxesOfUnlikeHeight_areOneLine_apartTheyAreNot() {
        // a stacked pair at the serial's left end makes its box taller than the rest of the line: boxes 55 and 34 high
        // that overlap side to side (as the line finder boxed a rendered "XN 2MR X47") are one line
        TextBox withPair = new TextBox(new Quad(61, 48, 1, 0, 56, 27.4), 0.9);
        TextBox rest = new TextBox(new Quad(138, 48, 1, 0, 44, 16.75), 0.9);
        assertThat(TextLines.group(List.of(withPair, rest))).hasSize(1);
        // the same heights side by side with a gap are not (small side characters stay apart)
        TextBox apart = new TextBox(new Quad(61 + 56 + 10 + 44, 48, 1, 0, 44, 16.75), 0.9);
        assertThat(TextLines.group(List.of(withPair, apart))).hasSize(2);
        // nor overlapping boxes more than twice as tall as each other
        TextBox small = new TextBox(new Quad(138, 48, 1, 0, 44, 12), 0.9);
        assertThat(TextLines.group(List.of(withPair, small))).hasSize(2);
    }

    @Test
    void dbBoxes_probabilityBlob_becomesOneUnclippedBox() {
        int w = 64;
        int h = 32;
        float[] prob = new float[w * h];
        for (int y = 10; y < 20; y++) {
            for (int x = 10; x < 50; x++) {
                prob[y * w + x] = 0.9f;
            }
        }
        List<TextBox> boxes = DbTextDetector.boxes(prob, w, h, 2, 2);
        assertThat(boxes).hasSize(1);
        Quad q = boxes.get(0).quad();
        // 40x10 grown by area * 1.6 / perimeter = 6.4 on each side, then scaled by 2
        assertThat(q.width()).isCloseTo((40 + 12.8) * 2, within(0.5));
        assertThat(q.height()).isCloseTo((10 + 12.8) * 2, within(0.5));
    }
}
