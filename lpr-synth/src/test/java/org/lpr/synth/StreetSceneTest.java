package org.lpr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.read.Point;
import org.lpr.core.read.Polygon;

class StreetSceneTest {
    private static Rectangle2D box(Polygon p) {
        return new Rectangle2D.Double(p.minX(), p.minY(), p.maxX() - p.minX(), p.maxY() - p.minY());
    }

    @Test
    void renderStreetScene_platesLieInsideThePictureApartAndOfPlateSize() {
        int[] counts = new int[4];
        for (int[] size : new int[][] {{640, 480}, {1280, 720}}) {
            PlateRenderer renderer = PlateRenderer.builder().seed(4).sceneSize(size[0], size[1]).build();
            for (long i = 0; i < 40; i++) {
                StreetScene scene = renderer.renderStreetScene(i);
                assertThat(scene.image().width()).isEqualTo(size[0]);
                assertThat(scene.image().height()).isEqualTo(size[1]);
                assertThat(scene.plates()).hasSizeBetween(0, 3);
                counts[scene.plates().size()]++;
                List<Rectangle2D> boxes = new ArrayList<>();
                for (StreetScene.Labelled plate : scene.plates()) {
                    assertThat(plate.plate().text()).matches("[A-Z0-9]{2,8}");
                    assertThat(plate.outline().points()).hasSize(4);
                    for (Point p : plate.outline().points()) {
                        assertThat(p.x()).as("scene %d x", i).isBetween(3.0, size[0] - 3.0);
                        assertThat(p.y()).as("scene %d y", i).isBetween(3.0, size[1] - 3.0);
                    }
                    Rectangle2D b = box(plate.outline());
                    assertThat(b.getWidth()).as("scene %d plate width", i).isBetween(20.0, 330.0);
                    assertThat(b.getWidth()).isGreaterThan(b.getHeight());
                    for (Rectangle2D other : boxes) {
                        assertThat(b.intersects(other)).as("scene %d plates overlap", i).isFalse();
                    }
                    boxes.add(b);
                }
            }
        }
        // several plates per picture happen, and a single plate is the most common
        assertThat(counts[2] + counts[3]).isGreaterThan(10);
        assertThat(counts[1]).isGreaterThan(counts[3]);
    }

    @Test
    void renderStreetScene_dateStamp_changesOnlyACornerClearOfThePlates_andKeepsTheLabels() {
        int stamped = 0;
        int oneLine = 0;
        int twoLines = 0;
        for (int[] size : new int[][] {{640, 480}, {1280, 720}}) {
            PlateRenderer plain = PlateRenderer.builder().seed(5).photoEffects(false).sceneSize(size[0], size[1]).build();
            PlateRenderer stamps = PlateRenderer.builder().seed(5).photoEffects(false).sceneSize(size[0], size[1]).dateStampShare(1).build();
            for (long i = 0; i < 12; i++) {
                StreetScene a = plain.renderStreetScene(i);
                StreetScene b = stamps.renderStreetScene(i);
                assertThat(b.plates()).isEqualTo(a.plates());
                byte[] pa = a.image().bgr();
                byte[] pb = b.image().bgr();
                int w = size[0];
                int minX = w, minY = size[1], maxX = -1, maxY = -1;
                for (int p = 0; p < pa.length / 3; p++) {
                    if (pa[3 * p] != pb[3 * p] || pa[3 * p + 1] != pb[3 * p + 1] || pa[3 * p + 2] != pb[3 * p + 2]) {
                        minX = Math.min(minX, p % w);
                        maxX = Math.max(maxX, p % w);
                        minY = Math.min(minY, p / w);
                        maxY = Math.max(maxY, p / w);
                    }
                }
                if (maxX < 0) {
                    continue; // every corner would have covered a plate
                }
                stamped++;
                Rectangle2D changed = new Rectangle2D.Double(minX, minY, maxX - minX + 1, maxY - minY + 1);
                // one line of text in a corner, or two (a date over a time), text up to 4.5 % of the height, a dark band 0.6
                // of it taller; within 3.5 % of a side (a margin up to 2 % and the band's padding, 0.3 of the text height)
                assertThat(changed.getHeight()).as("scene %d stamp height", i).isLessThan(size[1] * 0.14);
                assertThat(changed.getWidth()).as("scene %d stamp width", i).isGreaterThan(changed.getHeight() * 1.5);
                if (changed.getWidth() > changed.getHeight() * 4) {
                    oneLine++;
                } else {
                    twoLines++;
                }
                assertThat(minX < w * 0.035 || maxX > w * 0.965).as("scene %d stamp at a side", i).isTrue();
                assertThat(minY < size[1] * 0.035 || maxY > size[1] * 0.965).as("scene %d stamp at the top or bottom", i).isTrue();
                for (StreetScene.Labelled plate : a.plates()) {
                    assertThat(changed.intersects(box(plate.outline()))).as("scene %d stamp over a plate", i).isFalse();
                }
            }
        }
        assertThat(stamped).isGreaterThan(20);
        assertThat(oneLine).isPositive();
        assertThat(twoLines).isPositive();
    }

    /** The box of the pixels that differ between two pictures of one size, or null where none does. */
    private static Rectangle2D changed(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
        int minX = a.getWidth(), minY = a.getHeight(), maxX = -1, maxY = -1;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new Rectangle2D.Double(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static java.awt.image.BufferedImage grey(int w, int h) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(90, 90, 90));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void dateStamp_threeCornersTaken_drawsInTheFourthClearOfThePlates_allFourTaken_drawsNothing() {
        List<Rectangle2D> three = List.of(new Rectangle2D.Double(20, 10, 240, 40), new Rectangle2D.Double(380, 10, 240, 40),
                new Rectangle2D.Double(20, 430, 240, 40));
        for (long seed = 0; seed < 20; seed++) {
            java.awt.image.BufferedImage before = grey(640, 480);
            java.awt.image.BufferedImage img = grey(640, 480);
            assertThat(StreetPainter.dateStamp(img, three, new java.util.SplittableRandom(seed))).isTrue();
            Rectangle2D c = changed(before, img);
            assertThat(c).as("seed %d", seed).isNotNull();
            assertThat(c.getMinX()).as("seed %d: bottom right", seed).isGreaterThan(320);
            assertThat(c.getMinY()).as("seed %d: bottom right", seed).isGreaterThan(400);
            assertThat(c.getMaxX()).isLessThanOrEqualTo(640);
            assertThat(c.getMaxY()).isLessThanOrEqualTo(480);
            for (Rectangle2D plate : three) {
                Rectangle2D near = new Rectangle2D.Double(plate.getX() - 3, plate.getY() - 3, plate.getWidth() + 6, plate.getHeight() + 6);
                assertThat(c.intersects(near)).as("seed %d: within 3 px of a plate", seed).isFalse();
            }
        }
        List<Rectangle2D> four = new ArrayList<>(three);
        four.add(new Rectangle2D.Double(380, 430, 240, 40));
        java.awt.image.BufferedImage img = grey(640, 480);
        assertThat(StreetPainter.dateStamp(img, four, new java.util.SplittableRandom(1))).isFalse();
        assertThat(changed(grey(640, 480), img)).isNull();
    }

    @Test
    void renderStreetScene_stampsOwnStream_leavesEveryOtherDrawAlone() {
        // a share that draws from the stamp's stream but never stamps: with camera effects, any draw taken from the
        // scene's own stream would change the noise, blur and JPEG
        PlateRenderer without = PlateRenderer.builder().seed(6).build();
        PlateRenderer unlikely = PlateRenderer.builder().seed(6).dateStampShare(Double.MIN_VALUE).build();
        for (long i = 0; i < 10; i++) {
            StreetScene a = without.renderStreetScene(i);
            StreetScene b = unlikely.renderStreetScene(i);
            assertThat(b.image().bgr()).as("scene %d", i).isEqualTo(a.image().bgr());
            assertThat(b.plates()).isEqualTo(a.plates());
        }
    }

    @Test
    void renderStreetScene_sameSeedAndIndex_givesSamePixelsAndPlates() {
        StreetScene a = PlateRenderer.builder().seed(9).build().renderStreetScene(17);
        StreetScene b = PlateRenderer.builder().seed(9).build().renderStreetScene(17);
        assertThat(a.plates()).isEqualTo(b.plates());
        assertThat(a.image().bgr()).isEqualTo(b.image().bgr());
        StreetScene c = PlateRenderer.builder().seed(9).build().renderStreetScene(18);
        assertThat(c.image().bgr()).isNotEqualTo(a.image().bgr());
    }

    @Test
    void renderStreetScene_leavesRenderSceneAsItWas() {
        PlateRenderer renderer = PlateRenderer.builder().seed(11).build();
        RenderedScene before = renderer.renderScene(5);
        renderer.renderStreetScene(5);
        RenderedScene after = renderer.renderScene(5);
        assertThat(after.image().bgr()).isEqualTo(before.image().bgr());
        assertThat(after.image().bgr()).isNotEqualTo(renderer.renderStreetScene(5).image().bgr());
    }

    @Test
    void renderStreetScene_withoutPhotoEffects_platesAreUprightRectangles() {
        PlateRenderer clean = PlateRenderer.builder().seed(2).photoEffects(false).build();
        int plates = 0;
        for (long i = 0; i < 10; i++) {
            for (StreetScene.Labelled plate : clean.renderStreetScene(i).plates()) {
                List<Point> p = plate.outline().points();
                assertThat(p.get(0).y()).isCloseTo(p.get(1).y(), Offset.offset(1e-9));
                assertThat(p.get(0).x()).isCloseTo(p.get(3).x(), Offset.offset(1e-9));
                plates++;
            }
        }
        assertThat(plates).isGreaterThan(5);
    }

    @Test
    void datasetWriter_street_writesOneRowAndOneTxtLinePerPlate(@TempDir Path dir) throws Exception {
        List<PlateRenderer> renderers = List.of(PlateRenderer.builder().seed(3).sceneSize(320, 240).build(),
                PlateRenderer.builder().seed(3).sceneSize(480, 320).build());
        long empty = -1;
        for (long i = 0; i < 400 && empty < 0; i++) {
            if (renderers.get((int) (i % 2)).renderStreetScene(i).plates().isEmpty()) {
                empty = i;
            }
        }
        assertThat(empty).as("a scene without a plate among 400").isNotNegative();
        DatasetWriter writer = new DatasetWriter(renderers, 2);
        writer.writeStreetScenes(dir.resolve("a"), 20, 8);
        writer.writeStreetScenes(dir.resolve("b"), empty, 1);
        for (String shard : new String[] {"a", "b"}) {
            Path out = dir.resolve(shard);
            List<String> lines = Files.readAllLines(out.resolve("labels.csv"));
            assertThat(lines.get(0)).isEqualTo("file,width,height,state,plate,x0,y0,x1,y1,x2,y2,x3,y3");
            Map<String, List<String[]>> byFile = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                assertThat(f).hasSize(13);
                byFile.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
            }
            for (Map.Entry<String, List<String[]>> e : byFile.entrySet()) {
                long index = Long.parseLong(e.getKey().substring("images/".length(), "images/".length() + 8));
                StreetScene truth = renderers.get((int) (index % 2)).renderStreetScene(index);
                String name = String.format("%08d", index);
                List<String> txt = Files.readAllLines(out.resolve("images/" + name + ".txt"));
                assertThat(txt).hasSize(truth.plates().size());
                if (truth.plates().isEmpty()) {
                    assertThat(e.getValue()).hasSize(1);
                    assertThat(e.getValue().get(0)[4]).isEmpty();
                    assertThat(e.getValue().get(0)[5]).isEmpty();
                    continue;
                }
                assertThat(e.getValue()).hasSize(truth.plates().size());
                for (int k = 0; k < truth.plates().size(); k++) {
                    String[] f = e.getValue().get(k);
                    StreetScene.Labelled plate = truth.plates().get(k);
                    assertThat(f[4]).isEqualTo(plate.plate().text());
                    assertThat(txt.get(k)).startsWith(name + ".jpg\t").endsWith("\t" + plate.plate().text());
                    for (int c = 0; c < 4; c++) {
                        assertThat(Double.parseDouble(f[5 + 2 * c])).isCloseTo(plate.outline().points().get(c).x(), Offset.offset(0.06));
                        assertThat(Double.parseDouble(f[6 + 2 * c])).isCloseTo(plate.outline().points().get(c).y(), Offset.offset(0.06));
                    }
                }
                assertThat(javax.imageio.ImageIO.read(out.resolve(e.getKey()).toFile()).getWidth()).isEqualTo(truth.image().width());
            }
            assertThat(byFile).hasSize(shard.equals("a") ? 8 : 1);
        }
    }
}
