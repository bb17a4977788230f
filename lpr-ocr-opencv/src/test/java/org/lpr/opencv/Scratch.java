package org.lpr.opencv;

import java.nio.file.*;
import org.lpr.core.image.Image;

public class Scratch {
    public static void main(String[] a) throws Exception {
        DnnPlateRecognizer r = new DnnPlateRecognizer();
        for (String t : new String[]{"ABC1234", "7XKL245", "HRT5082"}) {
            Image c = SyntheticPlates.crop(t);
            Files.write(Path.of("/tmp/probe6/crop_" + t + ".png"), OpenCvImages.encodePng(c));
            System.out.println(t + " -> " + r.recognize(c));
        }
        DnnPlateDetector d = new DnnPlateDetector();
        var s = SyntheticPlates.scene("ABC1234", 1);
        Files.write(Path.of("/tmp/probe6/scene.png"), OpenCvImages.encodePng(s.image()));
        for (var reg : d.detect(s.image())) { System.out.println(reg.polygon() + " " + reg.confidence() + " iou " + reg.polygon().boundingBoxIoU(s.plate()) + " -> " + r.recognize(reg.crop()).best()); }
        int n = 0, ok = 0;
        for (String line : Files.readAllLines(Path.of("/work/shared/data/openalpr-dev/crops-us/labels.csv"))) {
            String[] f = line.split(",");
            if (f.length < 3 || !f[0].endsWith(".png")) continue;
            if (n >= 30) break;
            Image c = OpenCvImages.read(Path.of("/work/shared/data/openalpr-dev/crops-us", f[0]));
            var best = r.recognize(c).best();
            n++; if (best.isPresent() && best.get().text().equals(f[2])) ok++;
            System.out.println(f[0] + " " + f[2] + " -> " + best.map(x -> x.text()).orElse("-"));
        }
        System.out.println(ok + "/" + n);
    }
}
