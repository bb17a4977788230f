package org.lpr.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.Point;

class PlateRendererTest {
    private final PlateRenderer renderer = PlateRenderer.builder().seed(11).build();

    @Test
    void render_sameSeedAndIndex_givesSamePixels() {
        RenderedPlate a = renderer.render(5);
        RenderedPlate b = PlateRenderer.builder().seed(11).build().render(5);
        assertThat(a.plate()).isEqualTo(b.plate());
        assertThat(a.image().bgr()).isEqualTo(b.image().bgr());
    }

    @Test
    void paintDetailed_signFontShare_drawsThatShareOfSerialsInSignFaces() {
        assumeFalse(PlateFonts.SIGN_FONTS.isEmpty(), "fonts-roadgeek or fonts-opendin not installed");
        PlateStyle style = PlateStyle.ALL.get(Jurisdiction.VA);
        int sign = 0;
        for (int i = 0; i < 40; i++) {
            assertThat(PlatePainter.paintDetailed(style, "ABC1234", new SplittableRandom(i), true, 1).serialFont())
                    .isIn(PlateFonts.SIGN_FONTS);
            assertThat(PlatePainter.paintDetailed(style, "ABC1234", new SplittableRandom(i), true, 0).serialFont())
                    .isIn(PlateFonts.SERIAL_FONTS);
            Font half = PlatePainter.paintDetailed(style, "ABC1234", new SplittableRandom(i), true, 0.5).serialFont();
            sign += PlateFonts.SIGN_FONTS.contains(half) ? 1 : 0;
        }
        assertThat(sign).isBetween(10, 30);
    }

    @Test
    void render_signFontShare_keepsThePlateAndChangesThePicture() {
        assumeFalse(PlateFonts.SIGN_FONTS.isEmpty(), "fonts-roadgeek or fonts-opendin not installed");
        assertThat(samePlatesOtherPictures(PlateRenderer.builder().seed(11).signFontShare(1).build(), 10)).isEqualTo(10);
    }

    /** How many of the first {@code n} renders of {@code other} differ in pixels from the default renderer's; each shows the same plate. */
    private int samePlatesOtherPictures(PlateRenderer other, int n) {
        int differ = 0;
        for (int i = 0; i < n; i++) {
            RenderedPlate a = renderer.render(i);
            RenderedPlate b = other.render(i);
            assertThat(b.plate()).isEqualTo(a.plate());
            differ += Arrays.equals(a.image().bgr(), b.image().bgr()) ? 0 : 1;
        }
        return differ;
    }

    @Test
    void render_plateWidths_drawsThePlateThatWide() {
        PlateRenderer far = PlateRenderer.builder().seed(11).plateWidths(45, 55).build();
        PlateRenderer near = PlateRenderer.builder().seed(11).plateWidths(250, 300).build();
        for (int i = 0; i < 10; i++) {
            // the outline is the plate seen at a slight angle: its box is about as wide as the plate
            double farWidth = far.render(i).outline().maxX() - far.render(i).outline().minX();
            double nearWidth = near.render(i).outline().maxX() - near.render(i).outline().minX();
            assertThat(farWidth).isBetween(40.0, 65.0);
            assertThat(nearWidth).isBetween(225.0, 350.0);
        }
    }

    @Test
    void render_defaultPlateWidths_areTheRendersOfEarlierVersions() {
        PlateRenderer explicit = PlateRenderer.builder().seed(11).plateWidths(60, 300).build();
        for (int i = 0; i < 5; i++) {
            assertThat(explicit.render(i).image().bgr()).isEqualTo(renderer.render(i).image().bgr());
        }
    }

    @Test
    void builder_plateWidthsOutOfRange_areRefused() {
        assertThatThrownBy(() -> PlateRenderer.builder().plateWidths(10, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0 to 100.0");
        assertThatThrownBy(() -> PlateRenderer.builder().plateWidths(120, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("120.0 to 100.0");
    }

    @Test
    void builder_signFontShareOutsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> PlateRenderer.builder().signFontShare(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> PlateRenderer.builder().signFontShare(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
    }

    @Test
    void randomSpec_pictureEmblemShare_putsAnEmblemWhereTheGroupsMeet() {
        PlateRenderer pictures = PlateRenderer.builder().seed(11).pictureEmblemShare(1).build();
        int emblems = 0;
        for (int i = 0; i < 300; i++) {
            PlateSpec plain = renderer.randomSpec(i);
            PlateSpec picture = pictures.randomSpec(i);
            assertThat(picture.plate()).isEqualTo(plain.plate());
            if (!picture.printed().equals(plain.printed())) {
                // the first space or dash became the emblem
                assertThat(picture.printed()).isEqualTo(plain.printed().replaceFirst("[ -]", "*"));
                emblems++;
            }
        }
        assertThat(emblems).isGreaterThan(100);
        // share 0 draws nothing more: the specs of earlier versions
        PlateRenderer none = PlateRenderer.builder().seed(11).pictureEmblemShare(0).build();
        for (int i = 0; i < 50; i++) {
            assertThat(none.randomSpec(i)).isEqualTo(renderer.randomSpec(i));
        }
    }

    @Test
    void paintDetailed_pictureEmblem_isNearlyAsTallAsTheCharactersOrTaller() {
        PlateStyle style = PlateStyle.ALL.get(Jurisdiction.NM);
        for (int i = 0; i < 30; i++) {
            List<Rectangle2D> g = PlatePainter.paintDetailed(style, "ABC*123", new SplittableRandom(i), false, new PlatePainter.Shares(0, 1, 0, 0)).glyphs();
            double characters = g.stream().filter(b -> b != g.get(3)).mapToDouble(Rectangle2D::getHeight).max().orElseThrow();
            assertThat(g.get(3).getHeight()).as("picture emblem of plate %d", i).isGreaterThanOrEqualTo(0.8 * characters);
        }
    }

    @Test
    void render_pictureEmblemShare_keepsThePlateAndChangesThePicture() {
        // plates without groups or emblems may come out the same
        assertThat(samePlatesOtherPictures(PlateRenderer.builder().seed(11).pictureEmblemShare(1).build(), 20)).isGreaterThan(10);
    }

    @Test
    void render_specialtyShare_keepsThePlateAndDrawsASealOnPlatesWithDistractors() {
        // renders with distractors (a share of the default renderer's) carry a seal; the plate number is the same
        assertThat(samePlatesOtherPictures(PlateRenderer.builder().seed(11).specialtyShare(1).build(), 20)).isGreaterThan(10);
        // share 0 draws nothing more from the random stream: the renders of earlier versions, pixel for pixel
        assertThat(samePlatesOtherPictures(PlateRenderer.builder().seed(11).specialtyShare(0).build(), 20)).isZero();
    }

    @Test
    void paintDetailed_specialtySeal_isBesideTheSerialAndAsTallAsItsCharacters() {
        PlateStyle style = PlateStyle.ALL.get(Jurisdiction.VA);
        int seals = 0;
        for (int i = 0; i < 30; i++) {
            PlatePainter.Painted p = PlatePainter.paintDetailed(style, "PF4415", new SplittableRandom(i), true, new PlatePainter.Shares(0, 0, 1, 0));
            double characters = p.glyphs().stream().mapToDouble(Rectangle2D::getHeight).max().orElseThrow();
            // the seal is the first distractor, and the only round one as large as the characters (bolts are small)
            Rectangle2D first = p.distractors().isEmpty() ? null : p.distractors().get(0);
            if (first == null || first.getWidth() != first.getHeight() || first.getHeight() < 0.6 * characters) {
                continue; // no room beside this serial: no seal
            }
            seals++;
            assertThat(first.getHeight()).as("seal of plate %d", i).isGreaterThanOrEqualTo(0.8 * characters);
            double serialLeft = p.glyphs().get(0).getMinX();
            double serialRight = p.glyphs().get(p.glyphs().size() - 1).getMaxX();
            assertThat(first.getMaxX() <= serialLeft || first.getMinX() >= serialRight).as("seal %s beside the serial", first).isTrue();
        }
        assertThat(seals).isGreaterThan(15);
    }

    @Test
    void render_cameraFarShare_keepsThePlateAndWashesOutItsPicture() {
        PlateRenderer far = PlateRenderer.builder().seed(11).plateWidths(45, 110).cameraFarShare(1).build();
        PlateRenderer plain = PlateRenderer.builder().seed(11).plateWidths(45, 110).build();
        int flatter = 0;
        for (int i = 0; i < 20; i++) {
            RenderedPlate a = plain.render(i);
            RenderedPlate b = far.render(i);
            assertThat(b.plate()).isEqualTo(a.plate());
            assertThat(b.image().width()).isEqualTo(a.image().width());
            assertThat(b.image().height()).isEqualTo(a.image().height());
            assertThat(b.outline()).isEqualTo(a.outline());
            // blur below the pixel grid and haze: less difference between neighbouring pixels
            flatter += neighbourContrast(b.image().bgr(), b.image().width()) < neighbourContrast(a.image().bgr(), a.image().width()) ? 1 : 0;
        }
        assertThat(flatter).isGreaterThanOrEqualTo(18);
        // share 0 draws nothing from any stream: the renders of earlier versions, pixel for pixel
        PlateRenderer zero = PlateRenderer.builder().seed(11).cameraFarShare(0).build();
        assertThat(samePlatesOtherPictures(zero, 10)).isZero();
        // a share of one half gives the look to about half of the crops
        PlateRenderer half = PlateRenderer.builder().seed(11).plateWidths(45, 110).cameraFarShare(0.5).build();
        int changed = 0;
        for (int i = 0; i < 40; i++) {
            changed += Arrays.equals(half.render(i).image().bgr(), plain.render(i).image().bgr()) ? 0 : 1;
        }
        assertThat(changed).isBetween(10, 30);
    }

    /** Mean absolute difference between horizontally neighbouring bytes of a BGR picture {@code w} pixels wide. */
    private static double neighbourContrast(byte[] bgr, int w) {
        long sum = 0;
        long n = 0;
        for (int i = 3; i < bgr.length; i++) {
            if ((i / 3) % w == 0) {
                continue;
            }
            sum += Math.abs((bgr[i] & 0xff) - (bgr[i - 3] & 0xff));
            n++;
        }
        return (double) sum / n;
    }

    @Test
    void builder_cameraFarShareOutsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> PlateRenderer.builder().cameraFarShare(1.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camera far share 1.2");
    }

    @Test
    void builder_dateStampShareOutsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> PlateRenderer.builder().dateStampShare(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date stamp share 1.5");
    }

    @Test
    void builder_specialtyShareOutsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> PlateRenderer.builder().specialtyShare(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("specialty share -0.1");
    }

    @Test
    void builder_pictureEmblemShareOutsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> PlateRenderer.builder().pictureEmblemShare(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("picture emblem share 2.0");
    }

    @Test
    void builder_plateGothicShareOutsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> PlateRenderer.builder().plateGothicShare(1.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plate gothic share 1.2");
    }

    @Test
    void render_plateGothicShare_keepsThePlateAndRedrawsEveryPlateWithMOrW() {
        PlateRenderer gothic = PlateRenderer.builder().seed(11).plateGothicShare(1).fullAlphabetShare(1).build();
        PlateRenderer general = PlateRenderer.builder().seed(11).fullAlphabetShare(1).build();
        int withMw = 0;
        for (int i = 0; i < 60; i++) {
            RenderedPlate a = general.render(i);
            RenderedPlate b = gothic.render(i);
            assertThat(b.plate()).isEqualTo(a.plate());
            boolean mw = a.plate().text().indexOf('M') >= 0 || a.plate().text().indexOf('W') >= 0;
            withMw += mw ? 1 : 0;
            if (mw) {
                assertThat(b.image().bgr()).as("plate %s", a.plate().text()).isNotEqualTo(a.image().bgr());
            }
        }
        assertThat(withMw).isPositive();
        // share 0 draws nothing more from the random stream: the renders of earlier versions, pixel for pixel
        assertThat(samePlatesOtherPictures(PlateRenderer.builder().seed(11).plateGothicShare(0).build(), 20)).isZero();
    }

    @Test
    void plateGothic_mAndFlatW_meetAtTheVertexDepth() {
        for (Font font : PlateFonts.SERIAL_FONTS) {
            for (double vertex : new double[] {0.3, 0.6}) {
                PlatePainter.PlateGothic g = new PlatePainter.PlateGothic(vertex, true, 1);
                Shape m = PlatePainter.plateGothic(font, 'M', g);
                Rectangle2D box = m.getBounds2D();
                double mid = box.getCenterX();
                double h = box.getHeight();
                assertThat(m.contains(mid, box.getY() + h * (vertex - 0.08))).as("%s M above its vertex", font.getName()).isTrue();
                assertThat(m.contains(mid, box.getY() + h * (vertex + 0.15))).as("%s M below its vertex", font.getName()).isFalse();
                // both stems reach the baseline
                assertThat(m.contains(box.getX() + 1, box.getMaxY() - 1)).isTrue();
                assertThat(m.contains(box.getMaxX() - 1, box.getMaxY() - 1)).isTrue();
                Shape w = PlatePainter.plateGothic(font, 'W', g);
                Rectangle2D wb = w.getBounds2D();
                assertThat(w.contains(wb.getCenterX(), wb.getMaxY() - wb.getHeight() * (vertex - 0.08))).as("%s W below its vertex", font.getName()).isTrue();
                assertThat(w.contains(wb.getCenterX(), wb.getMaxY() - wb.getHeight() * (vertex + 0.15))).as("%s W above its vertex", font.getName()).isFalse();
                // as tall as the font's own glyph
                Rectangle2D own = font.createGlyphVector(new FontRenderContext(null, true, true), "M").getVisualBounds();
                assertThat(h).isCloseTo(own.getHeight(), offset(own.getHeight() * 0.02));
            }
        }
    }

    @Test
    void builder_plainOneShareOutsideZeroToOne_isRefused() {
        assertThatThrownBy(() -> PlateRenderer.builder().plainOneShare(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain one share -0.1");
    }

    @Test
    void render_plainOneShare_keepsThePlateAndRedrawsEveryPlateWithOneOrI() {
        PlateRenderer plain = PlateRenderer.builder().seed(13).plainOneShare(1).fullAlphabetShare(1).build();
        PlateRenderer general = PlateRenderer.builder().seed(13).fullAlphabetShare(1).build();
        int withOneOrI = 0;
        for (int i = 0; i < 60; i++) {
            RenderedPlate a = general.render(i);
            RenderedPlate b = plain.render(i);
            assertThat(b.plate()).isEqualTo(a.plate());
            boolean oneOrI = a.plate().text().indexOf('1') >= 0 || a.plate().text().indexOf('I') >= 0;
            withOneOrI += oneOrI ? 1 : 0;
            if (oneOrI) {
                assertThat(b.image().bgr()).as("plate %s", a.plate().text()).isNotEqualTo(a.image().bgr());
            }
        }
        assertThat(withOneOrI).isPositive();
        // share 0 draws nothing more from the random stream: the renders of earlier versions, pixel for pixel
        assertThat(samePlatesOtherPictures(PlateRenderer.builder().seed(11).plainOneShare(0).build(), 20)).isZero();
    }

    @Test
    void render_plainOneStates_redrawsThatStatesPlatesWithOneOrI_andNoOtherPlate() {
        PlateRenderer bound = PlateRenderer.builder().seed(17).plainOneStates(Set.of(Jurisdiction.MA)).fullAlphabetShare(1).build();
        PlateRenderer general = PlateRenderer.builder().seed(17).fullAlphabetShare(1).build();
        int ma = 0;
        for (int i = 0; i < 400; i++) {
            RenderedPlate a = general.render(i);
            RenderedPlate b = bound.render(i);
            assertThat(b.plate()).isEqualTo(a.plate());
            boolean oneOrI = a.plate().text().indexOf('1') >= 0 || a.plate().text().indexOf('I') >= 0;
            if (a.plate().jurisdiction() == Jurisdiction.MA && oneOrI) {
                ma++;
                assertThat(b.image().bgr()).as("MA plate %s", a.plate().text()).isNotEqualTo(a.image().bgr());
            } else if (a.plate().jurisdiction() != Jurisdiction.MA) {
                assertThat(b.image().bgr()).as("%s plate %s", a.plate().jurisdiction(), a.plate().text()).isEqualTo(a.image().bgr());
            }
        }
        assertThat(ma).isPositive();
    }

    @Test
    void render_states_drawsOnlyThoseStates_andTheDefaultDrawsEveryStateAsBefore() {
        PlateRenderer narrowed = PlateRenderer.builder().seed(23).states(Set.of(Jurisdiction.MA, Jurisdiction.WY)).build();
        Set<Jurisdiction> seen = new java.util.HashSet<>();
        for (int i = 0; i < 60; i++) {
            seen.add(narrowed.render(i).plate().jurisdiction());
        }
        assertThat(seen).containsExactlyInAnyOrder(Jurisdiction.MA, Jurisdiction.WY);
        assertThat(narrowed.jurisdictions()).containsExactly(Jurisdiction.MA, Jurisdiction.WY); // in the styles' order
        PlateRenderer plain = PlateRenderer.builder().seed(23).build();
        assertThat(plain.jurisdictions()).containsExactlyElementsOf(PlateStyle.ALL.keySet()).hasSize(51);
        PlateRenderer every = PlateRenderer.builder().seed(23).states(PlateStyle.ALL.keySet()).build();
        PlateRenderer empty = PlateRenderer.builder().seed(23).states(Set.of()).build();
        for (int i = 0; i < 30; i++) {
            assertThat(every.render(i).image().bgr()).isEqualTo(plain.render(i).image().bgr());
            assertThat(empty.render(i).image().bgr()).isEqualTo(plain.render(i).image().bgr());
        }
    }

    @Test
    void renderStreetScene_states_drawsOnlyThoseStatesPlates() {
        PlateRenderer ma = PlateRenderer.builder().seed(29).states(Set.of(Jurisdiction.MA)).build();
        int plates = 0;
        for (int i = 0; i < 6; i++) {
            for (StreetScene.Labelled p : ma.renderStreetScene(i).plates()) {
                assertThat(p.plate().jurisdiction()).isEqualTo(Jurisdiction.MA);
                plates++;
            }
        }
        assertThat(plates).isPositive();
    }

    @Test
    void builder_states_refusesAJurisdictionWithoutItsOwnStyle() {
        assertThatThrownBy(() -> PlateRenderer.builder().states(Set.of(Jurisdiction.UNKNOWN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no plate style for jurisdiction XX");
        assertThatThrownBy(() -> PlateRenderer.builder().states(Set.of(Jurisdiction.MA, Jurisdiction.ON)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no plate style for jurisdiction ON");
    }

    @Test
    void paintDetailed_plainOneShare_drawsTheIWiderThanTheOne() {
        PlateStyle style = PlateStyle.ALL.get(Jurisdiction.MA);
        PlatePainter.Shares plain = new PlatePainter.Shares(0, 0, 0, 0, 1, Set.of());
        int oneWider = 0;
        for (int i = 0; i < 40; i++) {
            List<Rectangle2D> g = PlatePainter.paintDetailed(style, "1I1", new SplittableRandom(i), false, plain).glyphs();
            // the I's serifs (at least twice the stem) against the 1's bare stem, in every face
            assertThat(g.get(1).getWidth()).as("seed %d", i).isGreaterThan(g.get(0).getWidth()).isGreaterThan(g.get(2).getWidth());
            List<Rectangle2D> own = PlatePainter.paintDetailed(style, "1I1", new SplittableRandom(i), false, PlatePainter.Shares.NONE).glyphs();
            oneWider += own.get(0).getWidth() > own.get(1).getWidth() ? 1 : 0;
        }
        // the faces' own glyphs: a flagged 1 wider than a plain-bar I, so the shapes above came from plainOne
        assertThat(oneWider).isPositive();
    }

    @Test
    void plainOne_oneIsABareStemAndIHasSerifs() {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        for (Font font : PlateFonts.SERIAL_FONTS) {
            Rectangle2D ownOne = font.createGlyphVector(frc, "1").getVisualBounds();
            Shape one = PlatePainter.plainOne(font, '1', 0.4);
            Rectangle2D ob = one.getBounds2D();
            // no flag and no foot: one width from top to bottom, narrower than the face's own flagged 1, as tall
            assertThat(ob.getWidth()).as("%s 1", font.getName()).isLessThan(ownOne.getWidth());
            assertThat(ob.getHeight()).isCloseTo(ownOne.getHeight(), offset(1e-6));
            for (double f : new double[] {0.03, 0.5, 0.97}) {
                double y = ob.getY() + ob.getHeight() * f;
                assertThat(one.contains(ob.getX() + 0.2, y) && one.contains(ob.getMaxX() - 0.2, y)).as("%s 1 at %s", font.getName(), f).isTrue();
            }
            Shape i = PlatePainter.plainOne(font, 'I', 0.4);
            Rectangle2D ib = i.getBounds2D();
            // the serifs reach 0.4 cap heights across, top and foot; between them only the stem, the 1's width
            assertThat(ib.getWidth()).as("%s I", font.getName()).isCloseTo(Math.max(0.4 * ib.getHeight(), 2 * ob.getWidth()), offset(1e-6));
            double cx = ib.getCenterX();
            assertThat(i.contains(ib.getX() + 0.2, ib.getY() + 0.2)).isTrue();
            assertThat(i.contains(ib.getX() + 0.2, ib.getMaxY() - 0.2)).isTrue();
            assertThat(i.contains(ib.getX() + 0.2, ib.getCenterY())).as("%s I's middle", font.getName()).isFalse();
            assertThat(i.contains(cx, ib.getCenterY())).isTrue();
        }
        assertThatThrownBy(() -> PlatePainter.plainOne(PlateFonts.SERIAL_FONTS.get(0), 'L', 0.4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not L");
    }

    @Test
    void render_otherSeed_givesOtherPlate() {
        RenderedPlate a = renderer.render(5);
        RenderedPlate b = PlateRenderer.builder().seed(12).build().render(5);
        assertThat(a.image().bgr()).isNotEqualTo(b.image().bgr());
    }

    @Test
    void render_spec_keepsTextAndState() {
        RenderedPlate p = renderer.render(PlateSpec.of("ABC-1234", Jurisdiction.VA, 3));
        assertThat(p.plate()).isEqualTo(new Plate("ABC1234", Jurisdiction.VA));
        assertThat(p.image().width()).isGreaterThan(p.image().height());
    }

    @Test
    void render_outputSize_scalesCropAndOutline() {
        RenderedPlate p = PlateRenderer.builder().seed(1).outputSize(192, 96).build().render(9);
        assertThat(p.image().width()).isEqualTo(192);
        assertThat(p.image().height()).isEqualTo(96);
        assertThat(p.outline().maxX()).isLessThan(192 * 1.2);
    }

    @Test
    void render_withoutPhotoEffects_outlineIsWholeImage() {
        RenderedPlate p = PlateRenderer.builder().photoEffects(false).build().render(2);
        assertThat(p.outline().minX()).isZero();
        assertThat(p.outline().maxX()).isEqualTo(p.image().width());
    }

    @Test
    void randomSpec_everyStateHasStyleAndFormats() {
        List<Jurisdiction> states = renderer.jurisdictions();
        assertThat(states).hasSize(51).contains(Jurisdiction.DC, Jurisdiction.WY);
        for (int i = 0; i < 300; i++) {
            PlateSpec spec = renderer.randomSpec(i);
            assertThat(spec.plate().text()).matches("[A-Z0-9]{2,8}");
        }
    }

    @Test
    void randomSpec_wyoming_countyNumberIsPartOfThePlateNumber() {
        int wyoming = 0;
        for (int i = 0; i < 3000; i++) {
            PlateSpec spec = renderer.randomSpec(i);
            if (spec.plate().jurisdiction() == Jurisdiction.WY && spec.printed().contains("*")) {
                wyoming++;
                String county = spec.printed().substring(0, spec.printed().indexOf('*'));
                assertThat(Integer.parseInt(county)).isBetween(1, 23);
                assertThat(spec.plate().text()).startsWith(county);
            }
        }
        assertThat(wyoming).isGreaterThan(20);
    }

    @Test
    void render_unstyledJurisdiction_borrowsAStyle() {
        RenderedPlate p = renderer.render(PlateSpec.of("ABC 123", Jurisdiction.ON, 1));
        assertThat(p.plate().jurisdiction()).isEqualTo(Jurisdiction.ON);
    }

    @Test
    void spec_printedNotSpellingPlate_isRejected() {
        assertThatThrownBy(() -> new PlateSpec(Plate.of("ABC123"), "ABC-124", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not spell plate ABC123");
        assertThatThrownBy(() -> new PlateSpec(Plate.of("ABC123"), "ABC_123", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'_' at index 3");
    }

    @Test
    void renderScene_outlineLiesInsideImage() {
        for (int i = 0; i < 5; i++) {
            RenderedScene s = renderer.renderScene(i);
            assertThat(s.outline().minX()).isGreaterThanOrEqualTo(0);
            assertThat(s.outline().maxX()).isLessThanOrEqualTo(s.image().width());
            assertThat(s.outline().minY()).isGreaterThanOrEqualTo(0);
            assertThat(s.outline().maxY()).isLessThanOrEqualTo(s.image().height());
        }
    }

    @Test
    void renderScene_spec_showsThatPlate() {
        RenderedScene s = renderer.renderScene(PlateSpec.of("HRT-5082", Jurisdiction.TX, 11));
        assertThat(s.plate()).isEqualTo(new Plate("HRT5082", Jurisdiction.TX));
        assertThat(s.image().bgr()).isEqualTo(PlateRenderer.builder().seed(11).build().renderScene(PlateSpec.of("HRT-5082", Jurisdiction.TX, 11)).image().bgr());
    }

    @Test
    void renderScene_withoutPhotoEffects_plateIsUprightRectangle() {
        PlateRenderer clean = PlateRenderer.builder().seed(11).photoEffects(false).build();
        for (int i = 0; i < 5; i++) {
            List<Point> corners = clean.renderScene(i).outline().points();
            assertThat(corners.get(0).y()).as("top edge, scene %d", i).isEqualTo(corners.get(1).y());
            assertThat(corners.get(1).x()).as("right edge, scene %d", i).isEqualTo(corners.get(2).x());
            assertThat(corners.get(2).x() - corners.get(3).x()).as("width, scene %d", i)
                    .isCloseTo(2 * (corners.get(3).y() - corners.get(0).y()), offset(1e-6));
        }
    }

    @Test
    void renderSerial_isThePlainPlateCutAroundItsSerial() {
        PlateRenderer clean = PlateRenderer.builder().seed(11).photoEffects(false).distractors(false).build();
        for (int i = 0; i < 5; i++) {
            PlateSpec spec = clean.randomSpec(i);
            RenderedPlate plate = clean.render(spec);
            RenderedPlate serial = clean.renderSerial(spec);
            assertThat(serial.plate()).isEqualTo(plate.plate());
            int x0 = (int) -serial.outline().minX();
            int y0 = (int) -serial.outline().minY();
            assertThat(x0).isGreaterThanOrEqualTo(0);
            assertThat(y0).as("the legend band above the serial is left out").isPositive();
            assertThat(x0 + serial.image().width()).isLessThanOrEqualTo(plate.image().width());
            assertThat(y0 + serial.image().height()).isLessThanOrEqualTo(plate.image().height());
            java.awt.image.BufferedImage whole = plate.image().toBufferedImage();
            java.awt.image.BufferedImage cut = serial.image().toBufferedImage();
            for (int y = 0; y < cut.getHeight(); y++) {
                for (int x = 0; x < cut.getWidth(); x++) {
                    assertThat(cut.getRGB(x, y)).as("pixel (%d, %d) of serial %d", x, y, i).isEqualTo(whole.getRGB(x0 + x, y0 + y));
                }
            }
        }
    }

    @Test
    void renderScene_sceneSize_givesPictureOfThatSizeWithThePlateInside() {
        PlateRenderer wide = PlateRenderer.builder().seed(11).sceneSize(1280, 720).build();
        for (int i = 0; i < 3; i++) {
            RenderedScene s = wide.renderScene(i);
            assertThat(s.image().width()).isEqualTo(1280);
            assertThat(s.image().height()).isEqualTo(720);
            assertThat(s.outline().minX()).isGreaterThanOrEqualTo(0);
            assertThat(s.outline().maxX()).isLessThanOrEqualTo(1280);
            assertThat(s.outline().minY()).isGreaterThanOrEqualTo(0);
            assertThat(s.outline().maxY()).isLessThanOrEqualTo(720);
        }
        assertThatThrownBy(() -> PlateRenderer.builder().sceneSize(200, 480))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scene size 200x480");
    }

    @Test
    void paint_withoutDistractors_paintsOnlyTheSerialNearIt() {
        int specs = 300;
        int wyoming = 0;
        for (int i = 0; i < specs; i++) {
            PlateSpec spec = renderer.randomSpec(i);
            PlateStyle style = PlateStyle.ALL.get(spec.plate().jurisdiction());
            PlatePainter.Painted p = PlatePainter.paintDetailed(style, spec.printed(), new SplittableRandom(spec.seed()), false, 0);
            assertThat(p.distractors()).as("stickers, bolts, frame bars of %s", spec).isEmpty();
            // one glyph box per printed character or emblem (Wyoming's county number is part of the printed serial)
            assertThat(p.glyphs()).as("glyphs of %s", spec).hasSize(spec.printed().replace(" ", "").length());
            wyoming += spec.plate().jurisdiction() == Jurisdiction.WY ? 1 : 0;
        }
        assertThat(wyoming).as("Wyoming plates among the %d specs", specs).isPositive();
    }

    @Test
    void render_distractorsOff_givesOtherPixelsForTheSamePlate() {
        PlateRenderer plain = PlateRenderer.builder().seed(11).distractors(false).build();
        int differ = 0;
        for (int i = 0; i < 10; i++) {
            assertThat(plain.render(i).plate()).isEqualTo(renderer.render(i).plate());
            differ += Arrays.equals(plain.render(i).image().bgr(), renderer.render(i).image().bgr()) ? 0 : 1;
        }
        assertThat(differ).isPositive();
    }

    @Test
    void datasetWriter_writesImagesAndLabels(@TempDir Path dir) throws Exception {
        new DatasetWriter(PlateRenderer.builder().seed(3).outputSize(96, 48).build(), 2).write(dir, 100, 20);
        List<String> lines = Files.readAllLines(dir.resolve("labels.csv"));
        assertThat(lines).hasSize(21);
        assertThat(lines.get(0)).isEqualTo("file,state,plate");
        assertThat(lines.get(1)).startsWith("images/00000100.png,").matches("images/\\d{8}\\.png,[a-z]{2},[A-Z0-9]+");
        try (var files = Files.list(dir.resolve("images"))) {
            assertThat(files.count()).isEqualTo(20);
        }
    }

    @Test
    void datasetWriter_scenes_writesPicturesOfEachSizeWithOutlinesInside(@TempDir Path dir) throws Exception {
        List<PlateRenderer> renderers = List.of(PlateRenderer.builder().seed(3).sceneSize(320, 240).build(),
                PlateRenderer.builder().seed(3).sceneSize(480, 320).build());
        new DatasetWriter(renderers, 2).writeScenes(dir, 10, 4);
        List<String> lines = Files.readAllLines(dir.resolve("labels.csv"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("file,width,height,state,plate,x0,y0,x1,y1,x2,y2,x3,y3");
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            assertThat(f).hasSize(13);
            long index = 9 + i;
            int w = index % 2 == 0 ? 320 : 480;
            int h = index % 2 == 0 ? 240 : 320;
            assertThat(f[0]).isEqualTo(String.format("images/%08d.jpg", index));
            assertThat(Integer.parseInt(f[1])).isEqualTo(w);
            assertThat(Integer.parseInt(f[2])).isEqualTo(h);
            assertThat(f[4]).isEqualTo(renderers.get(0).randomSpec(index).plate().text());
            java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(dir.resolve(f[0]).toFile());
            assertThat(picture.getWidth()).isEqualTo(w);
            assertThat(picture.getHeight()).isEqualTo(h);
            RenderedScene truth = renderers.get((int) (index % 2)).renderScene(index);
            for (int c = 0; c < 4; c++) {
                double x = Double.parseDouble(f[5 + 2 * c]);
                double y = Double.parseDouble(f[6 + 2 * c]);
                assertThat(x).isBetween(0.0, (double) w).isCloseTo(truth.outline().points().get(c).x(), offset(0.06));
                assertThat(y).isBetween(0.0, (double) h).isCloseTo(truth.outline().points().get(c).y(), offset(0.06));
            }
            String box = Files.readString(dir.resolve(String.format("images/%08d.txt", index))).strip();
            assertThat(box).matches(String.format("%08d\\.jpg\t\\d+\t\\d+\t\\d+\t\\d+\t%s", index, f[4]));
        }
    }
}
