package org.lpr.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Decoding of fixed-slot models (one distribution per character position, a pad class for unused
 * slots): the k most probable slot assignments, enumerated best first with a priority queue over
 * each slot's ranked choices, then merged by text.
 */
final class SlotDecoder {
    private SlotDecoder() {
    }

    /** The {@code k} most probable texts; {@code p[slot][0]} is the pad (or a non-plate character). */
    static List<Decoded> kBest(double[][] p, int k) {
        int slots = p.length;
        int[][] order = new int[slots][];
        for (int s = 0; s < slots; s++) {
            double[] row = p[s];
            order[s] = java.util.stream.IntStream.range(0, row.length).boxed()
                    .sorted((a, b) -> Double.compare(row[b], row[a])).mapToInt(Integer::intValue).toArray();
        }
        PriorityQueue<State> queue = new PriorityQueue<>((a, b) -> Double.compare(b.logProb, a.logProb));
        Set<String> seen = new HashSet<>();
        int[] first = new int[slots];
        queue.add(new State(first, logProb(p, order, first)));
        seen.add(java.util.Arrays.toString(first));
        Map<String, double[]> byText = new LinkedHashMap<>();
        Map<String, int[]> bestRanks = new HashMap<>();
        int expanded = 0;
        // enumerate a few more assignments than asked, since several can spell the same text
        while (!queue.isEmpty() && byText.size() < k && expanded < k * 8) {
            State st = queue.poll();
            expanded++;
            String text = text(order, st.ranks);
            if (!text.isEmpty()) {
                byText.computeIfAbsent(text, x -> new double[1])[0] += Math.exp(st.logProb);
                bestRanks.putIfAbsent(text, st.ranks);
            }
            for (int s = 0; s < slots; s++) {
                if (st.ranks[s] + 1 < order[s].length) {
                    int[] r = st.ranks.clone();
                    r[s]++;
                    if (seen.add(java.util.Arrays.toString(r))) {
                        queue.add(new State(r, logProb(p, order, r)));
                    }
                }
            }
        }
        List<Decoded> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byText.entrySet()) {
            int[] ranks = bestRanks.get(e.getKey());
            List<Double> conf = new ArrayList<>();
            for (int s = 0; s < slots; s++) {
                int cls = order[s][ranks[s]];
                if (cls != 0) {
                    conf.add(p[s][cls]);
                }
            }
            out.add(new Decoded(e.getKey(), e.getValue()[0], conf.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        out.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        return out;
    }

    private static String text(int[][] order, int[] ranks) {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < ranks.length; s++) {
            int cls = order[s][ranks[s]];
            if (cls != 0) {
                b.append(Alphabet.charOf(cls));
            }
        }
        return b.toString();
    }

    private static double logProb(double[][] p, int[][] order, int[] ranks) {
        double lp = 0;
        for (int s = 0; s < ranks.length; s++) {
            lp += Math.log(Math.max(p[s][order[s][ranks[s]]], 1e-30));
        }
        return lp;
    }

    private record State(int[] ranks, double logProb) {
    }
}
