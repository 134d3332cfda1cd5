package org.alor.loop;

import java.util.List;

/** Mean and population standard deviation. */
final class Stats {
    private Stats() {
    }

    static double[] meanStd(List<Double> values) {
        double mean = 0;
        for (double v : values) mean += v;
        mean /= values.size();
        double var = 0;
        for (double v : values) var += (v - mean) * (v - mean);
        return new double[]{mean, Math.sqrt(var / values.size())};
    }
}
