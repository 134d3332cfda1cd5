package org.alor.select;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two classes on the unit circle with W = I and anchors at 30° and 60°: an item at angle θ < 45° is predicted class 0; the CE gradient through
 * the normalisation is the tangent towards class 1, so the mixture x + t·ĝ (t = ε‖a − x‖) flips the prediction
 * exactly when t > tan(45° − θ). Expected caps are computed here from that trigonometry alone.
 */
class AlfaMixStrategyTest {
    private static final float[][] IDENTITY = {{1f, 0f}, {0f, 1f}};

    private static float[] at(double degrees) {
        double t = Math.toRadians(degrees);
        return new float[]{(float) Math.cos(t), (float) Math.sin(t)};
    }

    private static int expectedCapIndex(double theta, double[] anchorAngles) {
        double mirrored = theta < 45 ? theta : 90 - theta; // symmetric for class 1
        double needed = Math.tan(Math.toRadians(45 - mirrored));
        for (int k = 0; k < AlfaMixStrategy.CAPS.length; k++) {
            double eps = AlfaMixStrategy.CAPS[k] / Math.sqrt(2);
            for (double a : anchorAngles) {
                double distance = 2 * Math.sin(Math.toRadians(Math.abs(a - theta) / 2));
                if (eps * distance > needed) {
                    return k;
                }
            }
        }
        return -1;
    }

    @Test
    void candidateRuleMatchesTheClosedFormMixtureOnTheCircle() {
        double[] anchors = {30, 60};
        List<Double> thetas = new ArrayList<>();
        for (double t = 0.5; t < 90; t += 1.7) {
            if (Math.abs(t - 45) > 0.5) {
                thetas.add(t);
            }
        }
        float[][] pool = new float[thetas.size()][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = at(thetas.get(i));
        }
        float[][] anchorPoints = {at(30), at(60)};

        AlfaMixStrategy.Flip[] flips = AlfaMixStrategy.findFlips(pool, anchorPoints, IDENTITY, 100f);

        int flipped = 0;
        for (int i = 0; i < pool.length; i++) {
            int expected = expectedCapIndex(thetas.get(i), anchors);
            assertThat(flips[i].capIndex()).as("θ = %.1f", thetas.get(i)).isEqualTo(expected);
            if (expected >= 0) {
                flipped++;
                assertThat(flips[i].predicted()).isEqualTo(thetas.get(i) < 45 ? 0 : 1);
            }
        }
        assertThat(flipped).isBetween(1, pool.length - 1); // the grid covers both outcomes
    }

    @Test
    void anchorsAreClassMeansOfRealLabelsWithTheOverallMeanForEmptyClasses() {
        float[][] p = {{0.5f, 0.5f, 0f}};
        float[][] labeled = {{2f, 0f}, {0f, 3f}, {0f, 1f}};
        SelectionInput in = SelectionInput.builder(new float[][]{{0.5f, 0.3f, 0.2f}}, new int[3])
                .poolFeatures(new float[][]{{1f, 0f}}).labeled(labeled, new int[]{0, 1, 1})
                .classifier(new float[][]{{1f, 0f}, {0f, 1f}, {1f, 1f}}, 100f).build();

        float[][] a = AlfaMixStrategy.anchors(in);

        assertThat(a[0]).containsExactly(1f, 0f);
        assertThat(a[1]).containsExactly(0f, 1f);
        assertThat(a[2][0]).isEqualTo(1f / 3, org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(a[2][1]).isEqualTo(2f / 3, org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(p).isNotEmpty();
    }

    @Test
    void picksCandidatesFirstAndFillsRandomlyWhenShort() {
        // the step length is ε‖anchor − x‖: with both anchors near 0°, items at 40° and 50° flip at the first cap
        // and items near 0° never do
        float[][] pool = {at(1), at(40), at(2), at(50), at(0.5), at(3)};
        float[][] p = {{0.9f, 0.1f}, {0.6f, 0.4f}, {0.9f, 0.1f}, {0.4f, 0.6f}, {0.9f, 0.1f}, {0.9f, 0.1f}};
        float[][] labeled = {at(1.5), at(3.5)};
        SelectionInput in = SelectionInput.builder(p, new int[2]).poolFeatures(pool)
                .labeled(labeled, new int[]{0, 1}).classifier(IDENTITY, 100f).budget(4).seed(8).build();

        Selection s = new AlfaMixStrategy().select(in);

        assertThat(s.poolIndices()).hasSize(4).doesNotHaveDuplicates();
        assertThat(java.util.Arrays.copyOf(s.poolIndices(), 2)).containsExactlyInAnyOrder(1, 3);
        assertThat(s.picks().get(0).reason()).contains("prediction flips");
        assertThat(s.picks().subList(2, 4)).allSatisfy(pick -> assertThat(pick.reason()).startsWith("random fill"));
    }

    @Test
    void capStopsRisingOnceCandidatesExceedTheBudget() {
        AlfaMixStrategy.Flip f0 = new AlfaMixStrategy.Flip(0, 0, 0);
        AlfaMixStrategy.Flip f2 = new AlfaMixStrategy.Flip(2, 0, 0);
        AlfaMixStrategy.Flip none = AlfaMixStrategy.Flip.NONE;
        AlfaMixStrategy.Flip[] flips = {f0, f0, f2, f2, none};

        assertThat(AlfaMixStrategy.chooseCap(flips, 1)).isEqualTo(0);
        assertThat(AlfaMixStrategy.chooseCap(flips, 2)).isEqualTo(2);
        assertThat(AlfaMixStrategy.chooseCap(flips, 4)).isEqualTo(AlfaMixStrategy.CAPS.length - 1);
    }
}
