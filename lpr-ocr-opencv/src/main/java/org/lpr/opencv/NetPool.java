package org.lpr.opencv;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.lpr.core.ModelLoadException;
import org.lpr.core.RecognitionException;
import org.opencv.core.CvException;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * OpenCV DNN networks made from one model, lent to one thread at a time: a {@link Net} keeps
 * per-call state and is not thread-safe. At most {@code size} exist; they are made on first need.
 */
final class NetPool {
    private final byte[] model;
    private final String name;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Net> idle = new ConcurrentLinkedQueue<>();

    NetPool(byte[] model, String name, int size) {
        Natives.load();
        this.model = model;
        this.name = name;
        this.permits = new Semaphore(size, true);
        idle.add(create()); // fail at construction, not at first use, when the model does not import
    }

    private Net create() {
        MatOfByte buf = new MatOfByte(model);
        try {
            Net net = Dnn.readNetFromONNX(buf);
            if (net.empty()) {
                throw new ModelLoadException(name + ": OpenCV DNN imported an empty network");
            }
            net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
            net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
            return net;
        } catch (CvException e) {
            throw new ModelLoadException(name + ": OpenCV DNN cannot import the model: " + e.getMessage(), e);
        } finally {
            buf.release();
        }
    }

    <T> T run(Function<Net, T> work) {
        permits.acquireUninterruptibly();
        Net net = idle.poll();
        try {
            if (net == null) {
                net = create();
            }
            return work.apply(net);
        } catch (CvException e) {
            throw new RecognitionException(name + ": OpenCV DNN inference failed: " + e.getMessage(), e);
        } finally {
            if (net != null) {
                idle.add(net);
            }
            permits.release();
        }
    }
}
