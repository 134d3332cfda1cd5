package org.alor.select;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CoresetStrategyTest {

    /** Unit vector at angle θ (degrees): chord distances grow with |Δθ|, so k-center acts as on a line of angles. */
    private static float[] at(double degrees, double length) {
        double t = Math.toRadians(degrees);
        return new float[]{(float) (length * Math.cos(t)), (float) (length * Math.sin(t))};
    }

    @Test
    void kCenterGreedyOnALineOfAngles() {
        double[] angles = {12, 25, 40, 80, 90};
        float[][] pool = new float[angles.length][];
        for (int i = 0; i < angles.length; i++) {
            pool[i] = at(angles[i], 1 + i); // lengths differ: features are normalised first
        }
        float[][] labeled = {at(0, 3)};
        float[][] p = new float[angles.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new float[]{0.5f, 0.5f};
        }
        SelectionInput in = SelectionInput.builder(p, new int[2]).poolFeatures(pool).labeled(labeled, null)
                .budget(5).build();

        Selection s = new CoresetStrategy().select(in);

        // 90 (farthest from 0), then 40 (d 40 vs 25), 25 (d 15), 12 (d 12 vs 80's 10), 80
        assertThat(s.poolIndices()).containsExactly(4, 2, 1, 0, 3);
        assertThat(s.picks().get(0).score()).isCloseTo(2 * Math.sin(Math.toRadians(45)), within(1e-6));
        assertThat(s.picks().get(2).score()).isCloseTo(2 * Math.sin(Math.toRadians(7.5)), within(1e-6));
    }

    @Test
    void withoutATrainingSetTheFirstPickIsTheLowestIndex() {
        float[][] pool = {at(0, 1), at(90, 1), at(10, 1)};
        float[][] p = {{1f, 0f}, {1f, 0f}, {1f, 0f}};
        SelectionInput in = SelectionInput.builder(p, new int[2]).poolFeatures(pool).labeled(new float[0][], null)
                .budget(2).build();

        assertThat(new CoresetStrategy().select(in).poolIndices()).containsExactly(0, 1);
    }
}
