package org.lpr.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PolygonTest {
    @Test
    void boundingBoxOverlapOfSmaller_isTheSharedAreaOverTheSmallerBox() {
        Polygon plate = Polygon.rectangle(0, 0, 20, 10);
        // a box wholly inside: 1, though its IoU is small
        assertThat(plate.boundingBoxOverlapOfSmaller(Polygon.rectangle(2, 2, 6, 4))).isEqualTo(1.0);
        assertThat(plate.boundingBoxIoU(Polygon.rectangle(2, 2, 6, 4))).isCloseTo(0.12, within(1e-9));
        // 5 x 10 shared of two 200 boxes, either way round
        assertThat(plate.boundingBoxOverlapOfSmaller(Polygon.rectangle(15, 0, 20, 10))).isEqualTo(0.25);
        assertThat(Polygon.rectangle(15, 0, 20, 10).boundingBoxOverlapOfSmaller(plate)).isEqualTo(0.25);
        // apart, or touching at an edge: 0
        assertThat(plate.boundingBoxOverlapOfSmaller(Polygon.rectangle(20, 0, 5, 5))).isZero();
        assertThat(plate.boundingBoxOverlapOfSmaller(Polygon.rectangle(50, 50, 5, 5))).isZero();
    }
}
