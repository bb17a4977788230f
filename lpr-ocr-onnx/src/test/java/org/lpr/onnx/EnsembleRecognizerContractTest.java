package org.lpr.onnx;

import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRecognizerContract;

class EnsembleRecognizerContractTest extends PlateRecognizerContract {
    @Override
    protected PlateRecognizer createRecognizer() {
        return EnsemblePlateRecognizer.builder().threads(2).build();
    }

    @Override
    protected Image plateCrop(String text) {
        return TestPlates.crop(text);
    }
}
