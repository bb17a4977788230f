package org.lpr.onnx;

import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRecognizerContract;

class WholeCropRecognizerContractTest extends PlateRecognizerContract {
    @Override
    protected PlateRecognizer createRecognizer() {
        return new OnnxPlateRecognizer.WholeCrop();
    }

    @Override
    protected Image plateCrop(String text) {
        // without line finding the crop must hold only the serial, as a detector's tight crop would
        return TestPlates.serial(text);
    }

    @Override
    protected List<String> readablePlates() {
        return List.of("ABC1234", "7XKL245", "HRT5082");
    }
}
