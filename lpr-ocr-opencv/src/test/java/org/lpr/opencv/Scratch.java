package org.lpr.opencv;

import java.nio.file.*;
import java.util.*;
import org.lpr.core.image.Image;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.*;

public class Scratch {
    public static void main(String[] a) throws Exception {
        PlateDetector d = a[0].equals("dnn") ? new DnnPlateDetector() : new ClassicalPlateDetector();
        int n = 0, found = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            String text = SyntheticPlates.randomText(new Random(i));
            ContractScene s = SyntheticPlates.scene(text, i);
            List<PlateRegion> rs = d.detect(s.image());
            n++;
            if (rs.stream().anyMatch(r -> r.polygon().boundingBoxIoU(s.plate()) > 0.4)) found++;
            else if (a.length > 1) { Files.write(Path.of("/tmp/probe6/miss" + i + ".png"), OpenCvImages.encodePng(s.image())); System.out.println("miss " + i + " " + rs.size() + " " + rs.stream().map(r -> String.format("%.2f", r.polygon().boundingBoxIoU(s.plate()))).toList()); }
        }
        System.out.println(d.name() + " synthetic recall " + found + "/" + n + " ms/img " + (System.nanoTime() - t0) / 1e6 / n);
    }
}
