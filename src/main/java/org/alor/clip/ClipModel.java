package org.alor.clip;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CLIP model (ViT image tower + causal text tower + learnable {@code logit_scale}) as DJL blocks, float32,
 * on one {@link Device}. Every DJL {@link Parameter} carries exactly one OpenCLIP tensor name
 * ({@link #namedParameters()}), so {@link #loadStateDict} / {@link #stateDict} are a one-to-one copy.
 * All parameters require gradients (freeze some with {@link Parameter#freeze}). Close to free native memory.
 *
 * <p>Forward via DJL: NDList(pixels [B,3,S,S], token ids [B',T]) → NDList(image embeds [B,E], text embeds
 * [B',E], logits_per_image [B,B']) — embeddings unnormalised, logits = exp(logit_scale)·cosine similarity.
 */
public final class ClipModel extends AbstractBlock implements AutoCloseable {
    /** CLIP's initial temperature: logit_scale = ln(1/0.07). */
    public static final float INITIAL_LOGIT_SCALE = (float) Math.log(1 / 0.07);

    private static final String IMAGE_TOWER_PREFIX = "visual.";
    private static final String LOGIT_SCALE = "logit_scale";
    private static final String TOKEN_EMBEDDING = "token_embedding.weight";

    private final ClipConfig config;
    private final Device device;
    private final NDManager manager;
    private final Map<String, Parameter> byName;
    private final VisionTower visual;
    private final TextTower text;
    private final Parameter logitScale;
    private final Autocast autocast;

    private ClipModel(ClipConfig config, Device device, boolean random) {
        this.config = config;
        this.device = device;
        this.manager = NDManager.newBaseManager(device);
        this.autocast = new Autocast(manager);
        try {
            ClipParameters params = new ClipParameters(manager, random);
            visual = addChildBlock("visual", new VisionTower(params, config, autocast));
            text = addChildBlock("text", new TextTower(params, config, autocast));
            logitScale = addParameter(params.scalar(LOGIT_SCALE, INITIAL_LOGIT_SCALE));
            byName = params.byName();
            // marks the block initialised for DJL (values are already set; nothing is re-drawn)
            initialize(manager, DataType.FLOAT32, new Shape(1, 3, config.imageSize(), config.imageSize()),
                    new Shape(1, config.contextLength()));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A model whose weights are placeholders (zeros / unit LayerNorms): call {@link #loadStateDict} next. */
    public static ClipModel empty(ClipConfig config, Device device) {
        return new ClipModel(config, device, false);
    }

    /** A randomly initialised model (OpenCLIP-like normal init), reproducible for a given seed and engine. */
    public static ClipModel random(ClipConfig config, Device device, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        return new ClipModel(config, device, true);
    }

    public ClipConfig config() {
        return config;
    }

    /** The format the towers' matrix products run in from now on (parameters stay float32); default FP32. */
    public void setComputeType(ComputeType type) {
        autocast.set(type);
    }

    public ComputeType computeType() {
        return autocast.type();
    }

    /**
     * For an inference pass over many batches: until the scope closes, each weight is cast to the compute type once,
     * not per batch. Nothing may change the weights meanwhile.
     */
    public WeightCasts castWeightsOnce() {
        return autocast.castWeightsOnce();
    }

    /** Closing ends a {@link #castWeightsOnce} scope. */
    @FunctionalInterface
    public interface WeightCasts extends AutoCloseable {
        @Override
        void close();
    }

    public Device device() {
        return device;
    }

    /** The manager that owns the parameters (and nothing else); do not attach batch arrays to it. */
    public NDManager parameterManager() {
        return manager;
    }

    public VisionTower visual() {
        return visual;
    }

    public TextTower text() {
        return text;
    }

    public Parameter logitScale() {
        return logitScale;
    }

    /** The image tower's tensors (OpenCLIP {@code visual.*}), in OpenCLIP order. */
    public List<Parameter> imageTowerParameters() {
        return parametersWhere(name -> name.startsWith(IMAGE_TOWER_PREFIX));
    }

    /** The text tower's tensors (token and positional embeddings, transformer, final norm, projection). */
    public List<Parameter> textTowerParameters() {
        return parametersWhere(name -> !name.startsWith(IMAGE_TOWER_PREFIX) && !name.equals(LOGIT_SCALE));
    }

    /** Both towers: every tensor except the logit scale, in OpenCLIP order. */
    public List<Parameter> towerParameters() {
        return parametersWhere(name -> !name.equals(LOGIT_SCALE));
    }

    /** The text tower's token embedding [vocab, width] (prompt tuning embeds token ids through it). */
    public Parameter tokenEmbedding() {
        return byName.get(TOKEN_EMBEDDING);
    }

    /**
     * The weights of linear and convolution layers (attention, MLP, patch embedding, tower projections): the
     * tensors CLIP pre-training applies weight decay to. Not embeddings, norms, biases or the logit scale.
     */
    public List<Parameter> layerWeights() {
        List<Parameter> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            String name = e.getKey();
            boolean matrix = e.getValue().getArray().getShape().dimension() >= 2;
            if (matrix && !name.contains("embedding") && !name.contains("ln_") && !name.contains("bias")
                    && !name.equals(LOGIT_SCALE)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** The named tensors of some of this model's parameters, e.g. only the towers a method tuned. */
    public StateDict stateDict(Collection<Parameter> parameters) {
        Set<Parameter> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(parameters);
        StateDict out = new StateDict();
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            if (!wanted.remove(e.getValue())) continue;
            NDArray a = e.getValue().getArray();
            out.put(new Tensor(e.getKey(), a.getShape().getShape(), a.toFloatArray()));
        }
        if (!wanted.isEmpty()) throw new IllegalArgumentException(wanted.size() + " parameter(s) are not part of this model");
        return out;
    }

    /**
     * Adds some of this model's parameters to {@code writer} under their OpenCLIP names; the values are copied off
     * the device one tensor at a time, when the file is written (read them back with {@link #loadFrom}).
     */
    public SafetensorsWriter addTo(SafetensorsWriter writer, Collection<Parameter> parameters) {
        for (Map.Entry<String, Parameter> e : named(parameters).entrySet()) {
            NDArray a = e.getValue().getArray();
            writer.addFloatLater(e.getKey(), a.getShape().getShape(), a::toFloatArray);
        }
        return writer;
    }

    /**
     * Copies {@code parameters} back from a file written with {@link #addTo}. Every name and shape is checked before
     * any value changes.
     *
     * @throws IOException naming the file and the tensor when one is missing, mis-shaped or unreadable
     */
    public void loadFrom(SafetensorsFile file, Collection<Parameter> parameters) throws IOException {
        Map<String, Parameter> wanted = named(parameters);
        for (Map.Entry<String, Parameter> e : wanted.entrySet()) {
            long[] shape = e.getValue().getArray().getShape().getShape();
            if (!file.contains(e.getKey())) throw new CheckpointException(file.path() + ": no tensor " + e.getKey());
            if (!Arrays.equals(file.shape(e.getKey()), shape)) {
                throw new CheckpointException(file.path() + ": tensor " + e.getKey() + " is "
                        + Arrays.toString(file.shape(e.getKey())) + ", the model's " + Arrays.toString(shape));
            }
        }
        for (Map.Entry<String, Parameter> e : wanted.entrySet()) {
            Tensor t = file.floatTensor(e.getKey());
            NDArray target = e.getValue().getArray();
            boolean grad = e.getValue().requiresGradient();
            try (NDArray staged = manager.create(t.data(), new Shape(t.shape()))) {
                target.intern(staged.duplicate()); // see loadStateDict
            }
            target.setRequiresGradient(grad);
        }
    }

    /** OpenCLIP name → parameter for some of this model's parameters, in OpenCLIP order. */
    private Map<String, Parameter> named(Collection<Parameter> parameters) {
        Set<Parameter> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(parameters);
        Map<String, Parameter> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : byName.entrySet()) if (wanted.remove(e.getValue())) out.put(e.getKey(), e.getValue());
        if (!wanted.isEmpty()) throw new IllegalArgumentException(wanted.size() + " parameter(s) are not part of this model");
        return out;
    }

    private List<Parameter> parametersWhere(java.util.function.Predicate<String> name) {
        List<Parameter> out = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : byName.entrySet()) if (name.test(e.getKey())) out.add(e.getValue());
        return out;
    }

    /** OpenCLIP tensor name → DJL parameter, in OpenCLIP order (vision tower, text tower, logit_scale). */
    public Map<String, Parameter> namedParameters() {
        return byName;
    }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : byName.values()) {
            n += p.getArray().size();
        }
        return n;
    }

    /**
     * Copies every tensor into its parameter. The names must match one-to-one and every shape exactly;
     * otherwise nothing is changed and the exception lists all missing, unexpected and mis-shaped tensors.
     */
    public void loadStateDict(StateDict stateDict) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            Tensor t = stateDict.get(e.getKey());
            if (t == null) {
                problems.add("missing " + e.getKey());
            } else if (!Arrays.equals(t.shape(), e.getValue().getArray().getShape().getShape())) {
                problems.add("shape mismatch " + e.getKey() + ": checkpoint " + t.shapeString()
                        + ", model " + Arrays.toString(e.getValue().getArray().getShape().getShape()));
            }
        }
        for (String name : stateDict.names()) {
            if (!byName.containsKey(name)) {
                problems.add("unexpected " + name);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("state dict does not fit this CLIP model ("
                    + problems.size() + " problem(s)): " + String.join("; ", problems));
        }
        for (Map.Entry<String, Parameter> e : byName.entrySet()) {
            Tensor t = stateDict.get(e.getKey());
            NDArray target = e.getValue().getArray();
            boolean grad = e.getValue().requiresGradient();
            try (NDArray staged = manager.create(t.data(), new Shape(t.shape()))) {
                // On CPU, create() wraps a Java direct buffer that only `staged` keeps alive, so the
                // parameter gets a libtorch-owned clone; intern swaps the native tensor under the same NDArray
                target.intern(staged.duplicate());
            }
            target.setRequiresGradient(grad);
        }
    }

    /** Exports all parameters as float32 tensors under their OpenCLIP names (e.g. to save adapted weights). */
    public StateDict stateDict() {
        return stateDict(byName.values());
    }

    /** Sets every accumulated parameter gradient to zero (PyTorch accumulates across backward passes). */
    public void zeroGradients() {
        for (Parameter p : byName.values()) {
            NDArray a = p.getArray();
            if (a.hasGradient()) {
                try (NDArray g = a.getGradient()) {
                    g.subi(g);
                }
            }
        }
    }

    /** Image embeddings [B, E] (unnormalised); intermediate arrays go to {@code pixels}' manager. */
    public NDArray encodeImages(ParameterStore ps, NDArray pixels, boolean training) {
        return visual.forward(ps, pixels, training);
    }

    /** Text embeddings [B, E] (unnormalised); intermediate arrays go to {@code tokenIds}' manager. */
    public NDArray encodeTexts(ParameterStore ps, NDArray tokenIds, boolean training) {
        return text.forward(ps, tokenIds, training);
    }

    /** Inference convenience: image embeddings with a non-copying parameter store. */
    public NDArray encodeImages(NDArray pixels) {
        return encodeImages(new ParameterStore(pixels.getManager(), false), pixels, false);
    }

    /** Inference convenience: text embeddings with a non-copying parameter store. */
    public NDArray encodeTexts(NDArray tokenIds) {
        return encodeTexts(new ParameterStore(tokenIds.getManager(), false), tokenIds, false);
    }

    /** exp(logScale) · normalise(images) · normalise(texts)ᵀ: [B_img, B_txt]. */
    public static NDArray scaledCosineLogits(NDArray imageEmbeds, NDArray textEmbeds, NDArray logScale) {
        NDArray similarity = normalise(imageEmbeds).matMul(normalise(textEmbeds).transpose());
        NDArray scale = logScale.exp();
        scale.attach(similarity.getManager()); // exp of a parameter would otherwise land on the parameter's manager
        return similarity.mul(scale);
    }

    /** Rows scaled to unit L2 norm. */
    public static NDArray normalise(NDArray rows) {
        return rows.div(rows.norm(new int[] {-1}, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray image = encodeImages(ps, inputs.get(0), training);
        NDArray texts = encodeTexts(ps, inputs.get(1), training);
        NDArray scale = ps.getValue(logitScale, image.getDevice(), training);
        return new NDList(image, texts, scaledCosineLogits(image, texts, scale));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[1].get(0);
        return new Shape[] {new Shape(b, config.embedDim()), new Shape(t, config.embedDim()), new Shape(b, t)};
    }

    /** Parameters hold their values from construction on; this only records shapes for DJL's Block API. */
    @Override
    protected void initializeChildBlocks(NDManager m, DataType dataType, Shape... inputShapes) {
        visual.initialize(m, dataType, inputShapes[0]);
        text.initialize(m, dataType, inputShapes[1]);
    }

    @Override
    public void close() {
        manager.close();
    }
}
