package org.lpr.opencv;

import org.lpr.core.spi.ContractScene;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateDetectorContract;

class DnnPlateDetectorContractTest extends PlateDetectorContract {
    @Override
    protected PlateDetector createDetector() {
        return SharedModels.detector();
    }

    @Override
    protected ContractScene sceneWithPlate() {
        return SyntheticPlates.scene("ABC1234", 1);
    }
}
