package org.alor.cli;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.alor.clip.ClipModel;
import org.alor.clip.ComputeType;
import org.alor.clip.NoGradient;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times image encoders on the same pixel batch, interleaved round by round (ours in fp32 and bf16, TorchScript files of
 * the same ViT-B/32 when given), so a shared machine's drifting load hits every variant alike; prints the median
 * images/s of each and the ratios ours/TorchScript and bf16/fp32.
 */
final class EncodeRace implements AutoCloseable {
    /** The shared generator's file names (make_vitb32_torchscript.py OUT.pt [--bf16]). */
    static final String TORCHSCRIPT_FP32 = "vitb32.pt";
    static final String TORCHSCRIPT_BF16 = "vitb32_bf16.pt";

    private final Map<String, Encoder> variants = new LinkedHashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    private interface Encoder {
        void encode(NDArray pixels);
    }

    /** Ours with its weights cast to bf16 once for the whole race, as a TorchScript bf16 file stores them. */
    void addOurs(String name, ClipModel model, ComputeType type) {
        resources.add(model.castWeightsOnce());
        variants.put(name, pixels -> {
            model.setComputeType(type);
            try (NDManager scope = pixels.getManager().newSubManager(); NoGradient ignored = NoGradient.enter()) {
                model.encodeImages(new ParameterStore(scope, false), pixels, false).toFloatArray();
            }
        });
    }

    /** Adds {@code dir/file} as a TorchScript variant if the file exists; returns whether it did. */
    boolean addTorchScript(String name, Path dir, String file) throws IOException {
        if (!Files.isRegularFile(dir.resolve(file))) return false;
        Model model = Model.newInstance(name, "PyTorch");
        resources.add(model);
        try {
            model.load(dir, file);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException(dir.resolve(file) + ": not a TorchScript model (" + e.getMessage() + ")", e);
        }
        Block block = model.getBlock();
        variants.put(name, pixels -> {
            try (NDManager scope = pixels.getManager().newSubManager(); NoGradient ignored = NoGradient.enter()) {
                NDList out = block.forward(new ParameterStore(scope, false), new NDList(pixels), false);
                out.head().toFloatArray();
                out.close();
            }
        });
        return true;
    }

    /** images/s of every variant per round: {@code warmup} untimed batches each, then {@code rounds} × {@code batches}. */
    Map<String, double[]> run(NDArray pixels, int warmup, int rounds, int batches) {
        long batch = pixels.getShape().get(0);
        for (Encoder e : variants.values()) for (int i = 0; i < warmup; i++) e.encode(pixels);
        Map<String, double[]> speeds = new LinkedHashMap<>();
        variants.keySet().forEach(k -> speeds.put(k, new double[rounds]));
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Encoder> e : variants.entrySet()) {
                long start = System.nanoTime();
                for (int i = 0; i < batches; i++) e.getValue().encode(pixels);
                speeds.get(e.getKey())[r] = batches * (double) batch / ((System.nanoTime() - start) / 1e9);
            }
        }
        return speeds;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** One line per variant, then each ratio whose two sides ran. */
    static void print(PrintWriter out, Map<String, double[]> speeds) {
        Map<String, Double> m = new LinkedHashMap<>();
        speeds.forEach((k, v) -> m.put(k, median(v)));
        m.forEach((k, v) -> out.printf(Locale.ROOT, "%-16s %6.2f images/s (median of %d interleaved rounds: %s)%n", k, v,
                speeds.get(k).length, Arrays.toString(Arrays.stream(speeds.get(k)).map(x -> Math.round(x * 100) / 100.0).toArray())));
        ratio(out, m, "ours fp32", "torchscript fp32", "ours/TorchScript fp32");
        ratio(out, m, "ours bf16", "torchscript bf16", "ours/TorchScript bf16");
        ratio(out, m, "ours bf16", "ours fp32", "bf16/fp32 ours");
        ratio(out, m, "torchscript bf16", "torchscript fp32", "bf16/fp32 TorchScript");
    }

    private static void ratio(PrintWriter out, Map<String, Double> m, String a, String b, String label) {
        if (m.containsKey(a) && m.containsKey(b)) out.printf(Locale.ROOT, "ratio %-22s %.2f%n", label, m.get(a) / m.get(b));
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release " + r, e);
            }
        }
    }
}
