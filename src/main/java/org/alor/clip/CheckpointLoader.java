package org.alor.clip;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Finds, reads, renames and validates a CLIP checkpoint. Accepts
 * <ul>
 *   <li>an OpenCLIP folder: {@code open_clip_config.json} + {@code open_clip_model.safetensors} or
 *       {@code open_clip_pytorch_model.bin} (or any single {@code *.safetensors|*.pt|*.pth|*.bin});</li>
 *   <li>a Hugging Face {@code CLIPModel} folder: {@code config.json} + {@code model.safetensors} /
 *       {@code pytorch_model.bin};</li>
 *   <li>a Hugging Face hub cache folder {@code models--org--name} (the snapshot named by {@code refs/main},
 *       else the only or newest one), or a hub cache root holding exactly one such model;</li>
 *   <li>a single weight file, with its config next to it, from a model-name hint, from a model name in the
 *       file or folder names, or inferred from the tensor shapes.</li>
 * </ul>
 */
public final class CheckpointLoader {
    private static final List<String> PREFERRED = List.of("open_clip_model.safetensors", "open_clip_pytorch_model.bin",
            "model.safetensors", "pytorch_model.bin");
    private static final List<String> WEIGHT_EXTENSIONS = List.of(".safetensors", ".pt", ".pth", ".bin");

    private CheckpointLoader() {
    }

    public static LoadedCheckpoint load(Path path) throws CheckpointException {
        return load(path, null);
    }

    /**
     * @param modelNameHint an OpenCLIP model name such as {@code ViT-B-32} (or {@code null}); used only when no
     *                      config file sits next to the weights
     */
    public static LoadedCheckpoint load(Path path, String modelNameHint) throws CheckpointException {
        if (!Files.exists(path)) throw new CheckpointException("checkpoint not found: " + path + " does not exist");
        Path weights = Files.isDirectory(path) ? findWeights(resolveFolder(path)) : path;
        if (!Files.isReadable(weights)) throw new CheckpointException("cannot read " + weights + " (permission denied?)");

        // hashing streams the file a second time; overlap it with parsing
        CompletableFuture<String> hash = CompletableFuture.supplyAsync(() -> {
            try {
                return sha256(weights);
            } catch (CheckpointException e) {
                throw new CompletionException(e);
            }
        });
        try {
            return load(weights, modelNameHint, hash);
        } finally {
            hash.cancel(false);
        }
    }

    private static LoadedCheckpoint load(Path weights, String modelNameHint, CompletableFuture<String> hash)
            throws CheckpointException {
        Raw raw = readWeights(weights);
        StateDict sd = stripModulePrefix(raw.tensors());
        boolean hf = HfClipNames.isHfLayout(sd);
        if (hf) sd = HfClipNames.toOpenClip(sd);
        for (String name : new ArrayList<>(sd.names())) {
            if (CheckpointValidator.isIgnorable(name)) sd.remove(name);
        }

        ConfigChoice choice = chooseConfig(weights, sd, modelNameHint);
        try {
            CheckpointValidator.validate(choice.config(), sd, weights.toString());
        } catch (CheckpointException e) {
            throw choice.guessed() ? new CheckpointException(e.getMessage() + "\n(the config was " + choice.origin()
                    + "; put an open_clip_config.json next to the weights or name the model explicitly, one of "
                    + String.join(", ", ClipConfigs.builtInNames()) + ")") : e;
        }
        StateDict ordered = new StateDict();
        for (String name : ClipTensorLayout.expectedShapes(choice.config()).keySet()) ordered.put(sd.get(name));

        long params = 0;
        for (Tensor t : ordered.tensors()) params += t.data().length;
        String description = (hf ? "Hugging Face CLIPModel" : "OpenCLIP") + " " + ConfigSummary.of(choice.config())
                + "; " + ConfigSummary.params(params) + " params, " + raw.format() + ", config " + choice.origin();
        return new LoadedCheckpoint(choice.config(), ordered, join(hash), weights, description);
    }

    private static String join(CompletableFuture<String> hash) throws CheckpointException {
        try {
            return hash.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CheckpointException ce) throw ce;
            throw new CheckpointException("cannot hash the weights: " + e.getCause(), e);
        }
    }

    // ---- locating files --------------------------------------------------------------------------------------

    /** A hub cache model folder → its snapshot; a hub cache root with one model → that model's snapshot. */
    static Path resolveFolder(Path dir) throws CheckpointException {
        if (Files.isDirectory(dir.resolve("snapshots"))) return pickSnapshot(dir);
        if (hasWeightFiles(dir)) return dir;
        List<Path> models = list(dir).stream()
                .filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("models--")).toList();
        if (models.size() == 1) return pickSnapshot(models.get(0));
        if (models.size() > 1) {
            throw new CheckpointException(dir + " is a Hugging Face cache holding several models; choose one of: "
                    + models.stream().map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", ")));
        }
        return dir;
    }

    private static Path pickSnapshot(Path repo) throws CheckpointException {
        Path snapshots = repo.resolve("snapshots");
        Path ref = repo.resolve("refs").resolve("main");
        if (Files.isRegularFile(ref)) {
            try {
                String hash = Files.readString(ref, StandardCharsets.UTF_8).trim();
                Path snap = snapshots.resolve(hash);
                if (!hash.isEmpty() && !hash.contains("/") && !hash.contains("\\") && Files.isDirectory(snap)) return snap;
            } catch (IOException ignored) {
                // fall back to the snapshots themselves
            }
        }
        List<Path> snaps = list(snapshots).stream().filter(Files::isDirectory).toList();
        if (snaps.isEmpty()) throw new CheckpointException("Hugging Face cache folder " + repo + " has no snapshots");
        return snaps.stream().max(Comparator.comparing(CheckpointLoader::modified)).orElseThrow();
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean hasWeightFiles(Path dir) throws CheckpointException {
        return list(dir).stream().anyMatch(CheckpointLoader::isWeightFile);
    }

    private static boolean isWeightFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && WEIGHT_EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    static Path findWeights(Path dir) throws CheckpointException {
        for (String name : PREFERRED) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        List<Path> candidates = list(dir).stream().filter(CheckpointLoader::isWeightFile).sorted().toList();
        if (candidates.size() == 1) return candidates.get(0);
        List<String> found = list(dir).stream().map(p -> p.getFileName().toString()).sorted().toList();
        if (candidates.isEmpty()) {
            boolean sharded = found.stream().anyMatch(n -> n.endsWith(".index.json"));
            throw new CheckpointException("no CLIP weights found in " + dir + (sharded
                    ? " (sharded checkpoints with an .index.json are not supported)" : "")
                    + "; expected open_clip_model.safetensors, open_clip_pytorch_model.bin, model.safetensors or a"
                    + " single .safetensors/.pt/.pth/.bin file; found: " + (found.isEmpty() ? "nothing" : String.join(", ", found)));
        }
        throw new CheckpointException("several weight files in " + dir + ": "
                + candidates.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + "; pass the one to use");
    }

    private static List<Path> list(Path dir) throws CheckpointException {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) out.add(p);
        } catch (IOException e) {
            throw new CheckpointException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private record Raw(StateDict tensors, String format) {
    }

    private static Raw readWeights(Path file) throws CheckpointException {
        byte[] head = new byte[9];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                TorchZipReader.Contents c = TorchZipReader.readContents(file);
                return new Raw(c.tensors(), "PyTorch zip " + typeNames(c.storageTypes()));
            }
            boolean pickleStart = n >= 1 && (head[0] & 0xff) == 0x80;
            if (!pickleStart && n == 9 && head[8] == '{') {
                try (SafetensorsFile f = SafetensorsFile.open(file)) {
                    Set<ElementType> types = new TreeSet<>();
                    for (String name : f.names()) types.add(f.dtype(name));
                    return new Raw(f.readAll(), "safetensors " + typeNames(types));
                }
            }
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (pickleStart || lower.endsWith(".pt") || lower.endsWith(".pth") || lower.endsWith(".bin")) {
                TorchZipReader.read(file); // throws the specific "legacy format / not a torch file" message
            }
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new CheckpointException("not enough memory to load " + file + " (raise -Xmx)", e);
        }
        throw new CheckpointException(file + " is neither a safetensors file nor a PyTorch (torch.save zip) checkpoint");
    }

    private static String typeNames(Set<ElementType> types) {
        return types.stream().map(ElementType::safetensorsName).collect(Collectors.joining("+"));
    }

    private static StateDict stripModulePrefix(StateDict sd) {
        boolean all = !sd.names().isEmpty() && sd.names().stream().allMatch(n -> n.startsWith("module."));
        if (!all) return sd;
        StateDict out = new StateDict();
        for (Tensor t : sd.tensors()) out.put(new Tensor(t.name().substring("module.".length()), t.shape(), t.data()));
        return out;
    }

    // ---- config ----------------------------------------------------------------------------------------------

    private record ConfigChoice(ClipConfig config, String origin, boolean guessed) {
    }

    private static ConfigChoice chooseConfig(Path weights, StateDict sd, String hint) throws CheckpointException {
        Path dir = weights.toAbsolutePath().getParent();
        Path openClip = dir.resolve("open_clip_config.json");
        if (Files.isRegularFile(openClip)) {
            return new ConfigChoice(ClipConfigs.fromOpenClipJson(openClip), "from " + openClip.getFileName(), false);
        }
        Path config = dir.resolve("config.json");
        if (Files.isRegularFile(config)) {
            JsonObject json = ClipConfigs.readJson(config);
            if (ClipConfigs.looksLikeHf(json)) {
                return new ConfigChoice(ClipConfigs.fromHfJson(config), "from config.json (Hugging Face)", false);
            }
            if (ClipConfigs.looksLikeOpenClip(json)) {
                return new ConfigChoice(ClipConfigs.fromOpenClipJson(json, config.toString()), "from config.json", false);
            }
        }
        if (hint != null && !hint.isBlank()) {
            Optional<String> name = ClipConfigs.builtIn(hint).isPresent() ? Optional.of(hint.trim())
                    : ClipConfigs.matchName(hint);
            if (name.isEmpty()) {
                throw new CheckpointException("unknown model name '" + hint + "'; known: "
                        + String.join(", ", ClipConfigs.builtInNames()));
            }
            return new ConfigChoice(ClipConfigs.builtIn(name.get()).orElseThrow(), "built-in " + name.get()
                    + " (given)", true);
        }
        StringBuilder names = new StringBuilder();
        for (Path p = weights.toAbsolutePath(); p != null && p.getFileName() != null; p = p.getParent()) {
            names.append(p.getFileName()).append(' ');
        }
        Optional<String> byName = ClipConfigs.matchName(names.toString());
        if (byName.isPresent()) {
            return new ConfigChoice(ClipConfigs.builtIn(byName.get()).orElseThrow(), "built-in " + byName.get()
                    + " (guessed from the path)", true);
        }
        String lower = names.toString().toLowerCase(Locale.ROOT);
        boolean quick = lower.contains("openai") || lower.contains("quickgelu");
        ClipConfig inferred = ClipConfigs.inferFromShapes(sd, quick, weights.toString());
        return new ConfigChoice(inferred, "inferred from tensor shapes (activation assumed "
                + (quick ? "QuickGELU" : "GELU") + ", heads of width 64)", true);
    }

    // ---- hashing ---------------------------------------------------------------------------------------------

    /** Hex SHA-256 of a file's bytes, streamed. */
    public static String sha256(Path file) throws CheckpointException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
