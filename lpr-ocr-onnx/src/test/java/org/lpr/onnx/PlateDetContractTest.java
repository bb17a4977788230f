package org.lpr.onnx;

import org.lpr.core.spi.ContractScene;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateDetectorContract;

/** The detector contract for {@link OnnxPlateDetector} with the plate-det model ({@code lpr --detector plate-det}). */
class PlateDetContractTest extends PlateDetectorContract {
    @Override
    protected PlateDetector createDetector() {
        return OnnxPlateDetector.builder().model(PlateDetModel.standard()).threads(2).build();
    }

    @Override
    protected ContractScene sceneWithPlate() {
        return TestPlates.scene("KT4829");
    }
}
