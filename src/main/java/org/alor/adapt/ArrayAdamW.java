package org.alor.adapt;

/**
 * AdamW (decoupled weight decay, Loshchilov &amp; Hutter; PyTorch's {@code torch.optim.AdamW}) on one float
 * matrix. Moments are kept in double so long runs do not drift with float rounding.
 */
public final class ArrayAdamW {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final double[][] m;
    private final double[][] v;
    private long steps;

    public ArrayAdamW(int rows, int cols, double beta1, double beta2, double epsilon, double weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.m = new double[rows][cols];
        this.v = new double[rows][cols];
    }

    /** β 0.9/0.999, ε 1e-8, weight decay 0.01 (docs/method.md §5). */
    public static ArrayAdamW standard(int rows, int cols) {
        return new ArrayAdamW(rows, cols, 0.9, 0.999, 1e-8, 0.01);
    }

    /** One update of {@code params} in place with gradient {@code grad} at learning rate {@code lr}. */
    public void step(float[][] params, float[][] grad, double lr) {
        steps++;
        double bias1 = 1 - Math.pow(beta1, steps);
        double bias2 = 1 - Math.pow(beta2, steps);
        double stepSize = lr / bias1;
        double sqrtBias2 = Math.sqrt(bias2);
        double decay = 1 - lr * weightDecay;
        for (int r = 0; r < params.length; r++) {
            float[] p = params[r];
            float[] g = grad[r];
            double[] mr = m[r];
            double[] vr = v[r];
            for (int c = 0; c < p.length; c++) {
                mr[c] = beta1 * mr[c] + (1 - beta1) * g[c];
                vr[c] = beta2 * vr[c] + (1 - beta2) * g[c] * g[c];
                double denom = Math.sqrt(vr[c]) / sqrtBias2 + epsilon;
                p[c] = (float) (p[c] * decay - stepSize * mr[c] / denom);
            }
        }
    }

    public long steps() {
        return steps;
    }
}
