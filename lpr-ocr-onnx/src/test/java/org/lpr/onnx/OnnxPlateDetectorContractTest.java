package org.lpr.onnx;

import org.lpr.core.spi.ContractScene;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateDetectorContract;

class OnnxPlateDetectorContractTest extends PlateDetectorContract {
    @Override
    protected PlateDetector createDetector() {
        return OnnxPlateDetector.builder().threads(2).build();
    }

    @Override
    protected ContractScene sceneWithPlate() {
        return TestPlates.scene("KT4829");
    }
}
