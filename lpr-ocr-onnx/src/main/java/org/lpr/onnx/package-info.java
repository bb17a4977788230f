/**
 * Plate detection and recognition on ONNX Runtime: {@link org.lpr.onnx.OnnxPlateDetector} finds plates
 * with PaddleOCR's DB text detector, {@link org.lpr.onnx.OnnxPlateRecognizer} reads them with any CTC or
 * fixed-slot ONNX model described by an {@link org.lpr.onnx.OcrModel}.
 */
@NullMarked
package org.lpr.onnx;

import org.jspecify.annotations.NullMarked;
