package org.lpr.onnx;

import java.util.ArrayList;
import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;

/**
 * A recognizer whose models load on first use, once, whichever thread gets there first; reading is
 * thread-safe. {@link #close()} frees the models (a later read loads them again); it must not run while
 * reads are in progress. A load that fails leaves nothing open and is tried again on the next read.
 * Crops that {@link OnnxPlateDetector} cut from a photo pass the {@link SceneScreen} unless it is off.
 */
abstract class LazyRecognizer implements PlateRecognizer {
    private final Lazy<CropReader> reader = new Lazy<>(this::open, CropReader::close);
    private final boolean sceneScreen;

    /** @param sceneScreen whether the photo detector's crops pass the {@link SceneScreen} */
    LazyRecognizer(boolean sceneScreen) {
        this.sceneScreen = sceneScreen;
    }

    /** Loads the models: called once per load, under the lock of the recognizer's {@link Lazy}. */
    abstract CropReader open();

    @Override
    public PlateReading recognize(Image crop) {
        return recognizeAll(List.of(crop)).get(0);
    }

    @Override
    public List<PlateReading> recognizeAll(List<Image> crops) {
        if (crops.isEmpty()) {
            return List.of();
        }
        if (!sceneScreen) {
            return reader.get().read(crops);
        }
        boolean[] skipped = new boolean[crops.size()];
        List<Image> read = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            skipped[i] = SceneScreen.skips(crops.get(i));
            if (!skipped[i]) {
                read.add(crops.get(i));
            }
        }
        List<PlateReading> readings = read.isEmpty() ? List.of() : reader.get().read(read);
        List<PlateReading> out = new ArrayList<>(crops.size());
        int next = 0;
        for (int i = 0; i < crops.size(); i++) {
            out.add(skipped[i] ? PlateReading.empty() : SceneScreen.kept(crops.get(i), readings.get(next++)));
        }
        return out;
    }

    @Override
    public void close() {
        reader.close();
    }
}
