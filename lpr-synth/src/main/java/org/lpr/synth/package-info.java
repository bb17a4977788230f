/** Seeded renderer of US-style plate images for tests, sample images and model training. */
package org.lpr.synth;
