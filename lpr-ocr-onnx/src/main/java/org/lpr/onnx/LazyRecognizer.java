package org.lpr.onnx;

import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;

/**
 * A recognizer whose models load on first use, once, whichever thread gets there first; reading is
 * thread-safe. {@link #close()} frees the models (a later read loads them again); it must not run while
 * reads are in progress. A load that fails leaves nothing open and is tried again on the next read.
 */
abstract class LazyRecognizer implements PlateRecognizer {
    private volatile CropReader reader;

    /** Loads the models: called once, under this recognizer's lock. */
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
        return engine().read(crops);
    }

    private CropReader engine() {
        CropReader r = reader;
        if (r == null) {
            synchronized (this) {
                r = reader;
                if (r == null) {
                    r = open();
                    reader = r;
                }
            }
        }
        return r;
    }

    @Override
    public synchronized void close() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
