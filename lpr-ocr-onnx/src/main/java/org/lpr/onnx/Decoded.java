package org.lpr.onnx;

/**
 * One decoded reading of a text line.
 *
 * @param text plate characters
 * @param probability the model's probability of the text
 * @param charConfidences per character, 0 to 1
 */
record Decoded(String text, double probability, double[] charConfidences) {
}
