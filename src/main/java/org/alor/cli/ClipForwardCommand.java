package org.alor.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipEncoder;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.Devices;
import org.alor.clip.DjlSafetensors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code alor clip forward}: runs a CLIP checkpoint on {@code pixel_values} and/or {@code input_ids} from a
 * safetensors file and writes {@code image_embeds}, {@code text_embeds} (unnormalised) and, when both are
 * given, {@code logits_per_image}.
 */
@Command(name = "forward", mixinStandardHelpOptions = true,
        description = "Run a CLIP checkpoint on pixel_values and/or input_ids (safetensors) and write the embeddings.")
public final class ClipForwardCommand implements Callable<Integer> {

    /** How a checkpoint path becomes a model; the one seam where the full CheckpointLoader plugs in. */
    @FunctionalInterface
    public interface ModelLoader {
        ClipModel load(Path checkpoint, Device device) throws IOException;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH",
            description = "CLIP checkpoint: OpenCLIP or Hugging Face folder, hub cache folder, or weights file")
    Path checkpoint;

    @Option(names = "--inputs", required = true, paramLabel = "IN.safetensors",
            description = "pixel_values [B,3,S,S] float32 (normalised) and/or input_ids [B,T] int64")
    Path inputs;

    @Option(names = "--output", required = true, paramLabel = "OUT.safetensors")
    Path output;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--batch", defaultValue = "32", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    private final ModelLoader loader;

    public ClipForwardCommand() {
        this(ClipForwardCommand::loadOpenClip);
    }

    public ClipForwardCommand(ModelLoader loader) {
        this.loader = loader;
    }

    static ClipModel loadOpenClip(Path checkpoint, Device device) throws IOException {
        return ClipModelFactory.load(checkpoint, device);
    }

    @Override
    public Integer call() {
        if (batch < 1) {
            spec.commandLine().getErr().println("error: --batch must be at least 1");
            return 2;
        }
        try {
            Device dev = Devices.select(device);
            run(dev);
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private void run(Device dev) throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList in = DjlSafetensors.read(manager, inputs);
            NDArray pixels = find(in, "pixel_values");
            NDArray ids = find(in, "input_ids");
            if (pixels == null && ids == null) {
                throw new IOException(inputs + ": has neither pixel_values nor input_ids");
            }
            try (ClipModel model = loader.load(checkpoint, dev)) {
                ClipEncoder encoder = new ClipEncoder(model, batch);
                NDList out = new NDList();
                NDArray images = null;
                NDArray texts = null;
                if (pixels != null) {
                    images = named(manager, encodeImages(model, encoder, pixels), "image_embeds");
                    out.add(images);
                }
                if (ids != null) {
                    texts = named(manager, encoder.encodeTexts(rows(ids)), "text_embeds");
                    out.add(texts);
                }
                if (images != null && texts != null) {
                    NDArray scale = manager.create(model.logitScale().getArray().getFloat());
                    NDArray logits = ClipModel.scaledCosineLogits(images, texts, scale);
                    logits.setName("logits_per_image");
                    out.add(logits);
                }
                DjlSafetensors.write(output, out);
                spec.commandLine().getOut().println("wrote " + output + " (" + describe(out) + ") on "
                        + Devices.describe(dev));
            }
        }
    }

    private float[][] encodeImages(ClipModel model, ClipEncoder encoder, NDArray pixels) throws IOException {
        ClipConfig c = model.config();
        Shape s = pixels.getShape();
        if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) != c.imageSize() || s.get(3) != c.imageSize()) {
            throw new IOException(inputs + ": pixel_values must be [B, 3, " + c.imageSize() + ", "
                    + c.imageSize() + "] for this checkpoint, got " + s);
        }
        NDArray f = pixels.getDataType() == DataType.FLOAT32 ? pixels : pixels.toType(DataType.FLOAT32, false);
        return encoder.encodeImages(f.toFloatArray(), (int) s.get(0));
    }

    private long[][] rows(NDArray ids) throws IOException {
        Shape s = ids.getShape();
        if (s.dimension() != 2 || !(ids.getDataType() == DataType.INT64 || ids.getDataType() == DataType.INT32)) {
            throw new IOException(inputs + ": input_ids must be a [B, T] int64 tensor, got "
                    + ids.getDataType() + " " + s);
        }
        long[] flat = ids.toType(DataType.INT64, false).toLongArray();
        int n = (int) s.get(0);
        int t = (int) s.get(1);
        long[][] out = new long[n][t];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * t, out[i], 0, t);
        }
        return out;
    }

    private static NDArray find(NDList list, String name) {
        for (NDArray a : list) {
            if (name.equals(a.getName())) {
                return a;
            }
        }
        return null;
    }

    private static NDArray named(NDManager manager, float[][] rows, String name) {
        NDArray a = manager.create(rows);
        a.setName(name);
        return a;
    }

    private static String describe(NDList out) {
        StringBuilder b = new StringBuilder();
        for (NDArray a : out) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(a.getName()).append(' ').append(a.getShape());
        }
        return b.toString();
    }
}
