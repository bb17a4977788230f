package org.lpr.opencv;

import org.lpr.core.spi.ContractScene;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateDetectorContract;

class ClassicalPlateDetectorContractTest extends PlateDetectorContract {
    @Override
    protected PlateDetector createDetector() {
        return new ClassicalPlateDetector();
    }

    @Override
    protected ContractScene sceneWithPlate() {
        return SyntheticPlates.scene("7XKL245", 3);
    }
}
