package org.lpr.onnx;

import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;

/** The engine behind a recognizer: reads plate crops with models it has loaded, and frees them on close. */
interface CropReader extends AutoCloseable {
    /** One reading per crop, in order. */
    List<PlateReading> read(List<Image> crops);

    @Override
    void close();
}
