package org.lpr.opencv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateRecognizer;

class ServiceRegistrationTest {
    @Test
    void serviceLoader_findsTheOpenCvDetectorsAndRecognizerByName() {
        assertThat(ServiceLoader.load(PlateDetector.class).stream().map(p -> p.type().getName()))
                .contains(DnnPlateDetector.class.getName(), ClassicalPlateDetector.class.getName());
        assertThat(ServiceLoader.load(PlateRecognizer.class).stream().map(p -> p.type().getName()))
                .contains(DnnPlateRecognizer.class.getName());
        assertThat(new ClassicalPlateDetector().name()).isEqualTo("opencv-classical");
        assertThat(SharedModels.detector().name()).isEqualTo("opencv-dnn");
        assertThat(SharedModels.recognizer().name()).isEqualTo("opencv-dnn");
    }
}
