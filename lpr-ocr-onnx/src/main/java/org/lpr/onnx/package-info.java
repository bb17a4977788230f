/** Plate detection and recognition with ONNX models on ONNX Runtime. */
package org.lpr.onnx;
