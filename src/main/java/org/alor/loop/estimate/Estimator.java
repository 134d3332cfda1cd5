package org.alor.loop.estimate;

import org.alor.loop.Method;
import org.alor.select.Strategies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The arithmetic of an estimate: sizes × rates. A round of LP trains on cached features (its time is LP's epochs);
 * FT and CT train the image tower, re-encode the val images after each epoch and the test and pool images once the
 * model is chosen; PT trains its prompts on cached features, every step sending all class prompts through the text
 * tower, and scores val after each epoch from the class prompts. A round trains on the labeled images plus, with RDA
 * on, every retrieved image.
 */
public final class Estimator {
    /** The paper's protocol: rounds 0..6, three seeds, RDA on and off, round r trains on C·(r+1) labeled images. */
    public static final int PAPER_ROUNDS = 7;
    public static final int PAPER_SEEDS = 3;

    private final ProjectSizes sizes;
    private final DeviceRates rates;

    public Estimator(ProjectSizes sizes, DeviceRates rates) {
        this.sizes = sizes;
        this.rates = rates;
    }

    /** Ranking the matched captions of the corpus (text encoding); unknown before a retrieval scan. */
    public StageTime ranking() {
        long captions = sizes.matchedCaptions();
        if (captions < 0) {
            return new StageTime("retrieval ranking", "captions not known yet", Double.NaN, Double.NaN,
                    "run alor retrieve (its scan counts the matched captions)");
        }
        return stage("retrieval ranking", String.format(Locale.ROOT, "%,d matched captions to encode", captions),
                r -> captions / r.textsPerSecond(), "");
    }

    /** Embedding every pool, val, test and retrieved image. */
    public StageTime embedding() {
        long n = sizes.imagesToEmbed();
        String work = String.format(Locale.ROOT, "%,d images to encode (pool %,d + val %,d + test %,d + retrieved %,d)",
                n, sizes.pool(), sizes.val(), sizes.test(), sizes.retrieved());
        return stage("embedding", work, r -> n / r.imagesPerSecond(),
                sizes.retrieved() == 0 ? "no retrieved images yet (retrieval has not run or kept none)" : "");
    }

    /** The labeled images the next round trains on: those labeled now, or one per class in round 0 (simulation). */
    public int labeledNextRound() {
        return sizes.labeled() > 0 ? sizes.labeled() : sizes.classes();
    }

    /** One round of {@code plan}'s method on {@code labeled} images (plus retrieved with RDA on). */
    public StageTime round(MethodPlan plan, int labeled, boolean rda) {
        return round(plan, labeled, rda ? sizes.retrieved() : -1);
    }

    /** One round trained on {@code labeled} + {@code retrieved} images ({@code retrieved} -1: RDA off). */
    public StageTime round(MethodPlan plan, int labeled, int retrieved) {
        boolean rda = retrieved >= 0;
        long n = labeled + (long) Math.max(0, retrieved);
        String work = String.format(Locale.ROOT, "%d epochs × %,d images (%,d labeled%s), batch %d",
                plan.epochs(), n, labeled, rda ? String.format(Locale.ROOT, " + %,d retrieved, RDA on", retrieved)
                        : ", RDA off", plan.batchSize());
        return switch (plan.method()) {
            case ZS -> stage("ZS round", "class prompts only", r -> sizes.classes() / r.textsPerSecond(), "");
            case LP -> {
                double perEpoch = n / rates.lpSamplesPerSecond(sizes.classes(), sizes.clip().embedDim());
                double s = plan.epochs() * perEpoch;
                yield new StageTime("LP round", work, s, rates.bf16() == null ? Double.NaN : s,
                        "LP trains in Java on the CPU, the same in both precisions");
            }
            case FT, CT -> stage(plan.method().name() + " round", work, r -> {
                double train = n / (plan.method() == Method.FT ? r.ftImagesPerSecond() : r.ctImagesPerSecond());
                double val = sizes.val() / r.imagesPerSecond();
                double reencode = ((double) sizes.test() + sizes.pool()) / r.imagesPerSecond();
                return plan.epochs() * (train + val) + reencode + sizes.classes() / r.textsPerSecond();
            }, "");
            case PT -> stage("PT round", work, r -> {
                double steps = Math.ceil((double) n / plan.batchSize());
                return plan.epochs() * (steps * r.ptSecondsPerStep(sizes.classes()) + sizes.classes() / r.textsPerSecond());
            }, "");
        };
    }

    /**
     * The paper's grid on this project: {@code methods} × every selection strategy × RDA on/off × 3 seeds × rounds
     * 0..6, round r training on C·(r+1) labeled images.
     */
    public StageTime paperGrid(List<MethodPlan> methods) {
        double fp32 = 0;
        double bf16 = 0;
        int strategies = Strategies.NAMES.size();
        int rounds = 0;
        for (MethodPlan plan : methods) {
            for (boolean rda : new boolean[] {true, false}) {
                for (int r = 0; r < PAPER_ROUNDS; r++) {
                    StageTime t = round(plan, sizes.classes() * (r + 1), rda);
                    int times = strategies * PAPER_SEEDS;
                    fp32 += times * t.fp32Seconds();
                    bf16 += times * t.bf16Seconds();
                    rounds += times;
                }
            }
        }
        List<String> names = new ArrayList<>();
        methods.forEach(m -> names.add(m.method().name()));
        String work = String.format(Locale.ROOT, "%,d rounds: %s × %d strategies × RDA on/off × %d seeds × rounds 0..%d",
                rounds, String.join("/", names), strategies, PAPER_SEEDS, PAPER_ROUNDS - 1);
        return new StageTime("paper grid", work, fp32, bf16, "");
    }

    /** Every stage, in the order a project goes through them. */
    public List<StageTime> all(List<MethodPlan> methods, boolean rda) {
        List<StageTime> out = new ArrayList<>();
        out.add(ranking());
        out.add(embedding());
        for (MethodPlan m : methods) out.add(round(m, labeledNextRound(), rda));
        out.add(paperGrid(methods));
        return out;
    }

    private StageTime stage(String name, String work, ToDoubleFunction<StageRates> seconds, String note) {
        double fp32 = seconds.applyAsDouble(rates.fp32());
        double bf16 = rates.bf16() == null ? Double.NaN : seconds.applyAsDouble(rates.bf16());
        return new StageTime(name, work, fp32, bf16, note);
    }

    /** The methods the paper compares, at this project's recipe. */
    public static List<MethodPlan> paperMethods(org.alor.store.Settings settings) {
        return List.of(MethodPlan.of(Method.LP, settings), MethodPlan.of(Method.FT, settings),
                MethodPlan.of(Method.CT, settings), MethodPlan.of(Method.PT, settings));
    }
}
