package org.lpr.opencv;

import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRecognizerContract;

class DnnPlateRecognizerContractTest extends PlateRecognizerContract {
    @Override
    protected PlateRecognizer createRecognizer() {
        return SharedModels.recognizer();
    }

    @Override
    protected Image plateCrop(String text) {
        return SyntheticPlates.crop(text);
    }
}
