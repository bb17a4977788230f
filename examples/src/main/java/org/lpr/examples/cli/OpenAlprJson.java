package org.lpr.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Point;

/** OpenALPR's {@code alpr_results} JSON, so tools written for OpenALPR read our output unchanged. */
final class OpenAlprJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAlprJson() {
    }

    static ObjectNode results(Image image, SceneReader.Result result, double processingMs, int topN) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", 2);
        o.put("data_type", "alpr_results");
        o.put("epoch_time", System.currentTimeMillis());
        o.put("img_width", image.width());
        o.put("img_height", image.height());
        o.put("processing_time_ms", RecognizeCommand.round(processingMs));
        o.putArray("regions_of_interest");
        ArrayNode results = o.putArray("results");
        int index = 0;
        for (SceneReader.Found f : result.found()) {
            PlateRead read = f.read();
            boolean fits = !f.reading().flags().contains(PlateReading.Flag.NO_FORMAT_MATCH);
            ObjectNode r = results.addObject();
            r.put("plate", read.plate().text());
            r.put("confidence", RecognizeCommand.round(read.confidence() * 100));
            r.put("matches_template", fits ? 1 : 0);
            r.put("plate_index", index++);
            r.put("region", region(read.plate().jurisdiction()));
            r.put("region_confidence", (int) Math.round(read.jurisdictionConfidence() * 100));
            r.put("processing_time_ms", RecognizeCommand.round(result.recognizeMs()));
            r.put("requested_topn", topN);
            ArrayNode coords = r.putArray("coordinates");
            for (Point p : read.polygon().points()) {
                coords.addObject().put("x", Math.round(p.x())).put("y", Math.round(p.y()));
            }
            ArrayNode candidates = r.putArray("candidates");
            for (Candidate c : read.candidates()) {
                candidates.addObject().put("plate", c.text()).put("confidence", RecognizeCommand.round(c.confidence() * 100))
                        .put("matches_template", c.text().equals(read.plate().text()) && fits ? 1 : 0);
            }
        }
        return o;
    }

    /** OpenALPR's region: the ISO 3166-2 code in lower case ({@code us-il}, {@code ca-on}), or empty where unknown. */
    static String region(Jurisdiction j) {
        return j.isoCode().map(c -> c.toLowerCase(Locale.ROOT)).orElse("");
    }
}
