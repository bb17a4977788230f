package org.lpr.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lpr.core.image.Image;

/**
 * The contract every {@link PlateDetector} keeps. Implementations extend this class and supply the
 * detector and a scene with a plate they are expected to find.
 */
public abstract class PlateDetectorContract {
    private PlateDetector detector;

    /** A new detector under test. */
    protected abstract PlateDetector createDetector();

    /** A scene with one clearly visible plate the detector must find. */
    protected abstract ContractScene sceneWithPlate();

    @BeforeEach
    void open() {
        detector = createDetector();
    }

    @AfterEach
    void close() {
        detector.close();
    }

    @Test
    void detect_sceneWithPlate_findsRegionOverlappingTruth() {
        ContractScene scene = sceneWithPlate();
        List<PlateRegion> regions = detector.detect(scene.image());
        assertThat(regions).isNotEmpty();
        assertThat(regions).anySatisfy(r -> assertThat(r.polygon().boundingBoxIoU(scene.plate())).isGreaterThan(0.3));
    }

    @Test
    void detect_regions_areOrderedByConfidenceWithUsableCrops() {
        List<PlateRegion> regions = detector.detect(sceneWithPlate().image());
        for (int i = 1; i < regions.size(); i++) {
            assertThat(regions.get(i).confidence()).isLessThanOrEqualTo(regions.get(i - 1).confidence());
        }
        assertThat(regions).allSatisfy(r -> {
            assertThat(r.crop().width()).isGreaterThan(r.crop().height());
            assertThat(r.crop().height()).isPositive();
        });
    }

    @Test
    void detect_uniformImage_findsNothing() {
        byte[] grey = new byte[640 * 480 * 3];
        java.util.Arrays.fill(grey, (byte) 128);
        assertThat(detector.detect(Image.ofBgr(640, 480, grey))).isEmpty();
    }

    @Test
    void detect_tinyImage_returnsWithoutError() {
        assertThat(detector.detect(Image.ofBgr(1, 1, new byte[3]))).isEmpty();
    }

    @Test
    void secondPass_ifAny_findsThePlate_hasNoneOfItsOwn_andClosingItAloneKeepsTheDetectorWorking() {
        ContractScene scene = sceneWithPlate();
        java.util.Optional<PlateDetector> second = detector.secondPass();
        if (second.isEmpty()) {
            return;
        }
        assertThat(second.get().secondPass()).isEmpty();
        assertThat(second.get().detect(scene.image()))
                .anySatisfy(r -> assertThat(r.polygon().boundingBoxIoU(scene.plate())).isGreaterThan(0.3));
        List<PlateRegion> before = detector.detect(scene.image());
        second.get().close();
        List<PlateRegion> after = detector.detect(scene.image());
        assertThat(after).extracting(PlateRegion::polygon).containsExactlyElementsOf(before.stream().map(PlateRegion::polygon).toList());
    }

    @Test
    void detect_fromSeveralThreads_givesTheSameRegions() throws Exception {
        ContractScene scene = sceneWithPlate();
        List<PlateRegion> expected = detector.detect(scene.image());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<PlateRegion>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> detector.detect(scene.image())));
            }
            for (Future<List<PlateRegion>> run : runs) {
                List<PlateRegion> got = run.get();
                assertThat(got).hasSameSizeAs(expected);
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i).polygon()).isEqualTo(expected.get(i).polygon());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
