package org.alor.clip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a PyTorch {@code torch.save} zip archive holding a tensor state dict ({@code open_clip_pytorch_model.bin},
 * {@code *.pt}, {@code *.pth}): {@code <prefix>/data.pkl} plus one raw storage per {@code <prefix>/data/<key>}.
 * The pickle goes through {@link RestrictedUnpickler}, which accepts only the globals a state dict needs, so a
 * malicious file is refused, never executed. Tensors (any storage offset and strides) are materialised as
 * contiguous row-major float32. A top-level dict wrapping the state dict under {@code state_dict} or
 * {@code model} is unwrapped and a leading {@code module.} (DataParallel) prefix is stripped.
 */
public final class TorchZipReader {
    private static final String REBUILD_TENSOR = "torch._utils._rebuild_tensor_v2";
    private static final String REBUILD_PARAMETER = "torch._utils._rebuild_parameter";
    private static final String REBUILD_PARAMETER_WITH_STATE = "torch._utils._rebuild_parameter_with_state";
    private static final String ORDERED_DICT = "collections.OrderedDict";
    private static final long MAX_PICKLE_BYTES = 256L << 20;
    private static final List<String> WRAPPER_KEYS = List.of("state_dict", "model", "model_state_dict");

    private record StorageRef(String key, ElementType type, long numel) {
    }

    private record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
        long numel() {
            long n = 1;
            for (long d : size) n *= d;
            return n;
        }
    }

    private final Path path;

    private TorchZipReader(Path path) {
        this.path = path;
    }

    /** What an archive held: the tensors (float32, file order) and the storage element types they came from. */
    public record Contents(StateDict tensors, Set<ElementType> storageTypes) {
    }

    /** The state dict in file order, every tensor as float32. */
    public static StateDict read(Path path) throws IOException {
        return new TorchZipReader(path).read().tensors();
    }

    public static Contents readContents(Path path) throws IOException {
        return new TorchZipReader(path).read();
    }

    static Set<String> allowedGlobals() {
        Set<String> allowed = new TreeSet<>(List.of(ORDERED_DICT, REBUILD_TENSOR, REBUILD_PARAMETER,
                REBUILD_PARAMETER_WITH_STATE));
        for (ElementType t : ElementType.values()) allowed.add("torch." + t.torchStorage());
        return allowed;
    }

    private Contents read() throws IOException {
        checkMagic();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                names.add(en.nextElement().getName());
            }
            String prefix = findPrefix(names);
            ByteOrder order = byteOrder(zip, prefix);
            byte[] pickle = readEntry(zip, prefix + "data.pkl", MAX_PICKLE_BYTES);
            Object root = new RestrictedUnpickler(pickle, path.toString(), allowedGlobals(),
                    this::reduce, this::persistentLoad).load();
            Map<String, TensorRef> refs = stateDictRefs(root);
            Set<ElementType> types = new TreeSet<>();
            for (TensorRef r : refs.values()) types.add(r.storage().type());
            return new Contents(materialise(zip, prefix, order, refs), types);
        } catch (ZipException e) {
            throw new CheckpointException("cannot read " + path + ": broken zip archive (" + e.getMessage() + ")", e);
        }
    }

    private void checkMagic() throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new CheckpointException("cannot open " + path + ": " + e.getMessage(), e);
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return;
        if (n >= 1 && (head[0] & 0xff) == 0x80) {
            throw new CheckpointException(path + " is in the legacy (before PyTorch 1.6) torch.save format, which"
                    + " is not supported: re-save it with a recent PyTorch or convert it to safetensors");
        }
        throw new CheckpointException(path + " is not a PyTorch checkpoint (expected a torch.save zip archive)");
    }

    private String findPrefix(List<String> names) throws CheckpointException {
        boolean torchScript = names.stream().anyMatch(n -> n.endsWith("/constants.pkl") || n.contains("/code/"));
        if (torchScript) {
            throw new CheckpointException(path + " is a TorchScript (torch.jit) archive, such as OpenAI's original"
                    + " ViT-B-32.pt; it holds code, not just weights, and is not supported. Use the same weights as an"
                    + " OpenCLIP state dict (open_clip_pytorch_model.bin / open_clip_model.safetensors) instead.");
        }
        List<String> pickles = names.stream().filter(n -> n.equals("data.pkl") || n.endsWith("/data.pkl")).toList();
        if (pickles.size() != 1) {
            throw new CheckpointException("cannot read " + path + ": expected exactly one data.pkl in the torch.save"
                    + " archive, found " + pickles.size() + " (entries: " + abbreviate(names) + ")");
        }
        String p = pickles.get(0);
        return p.substring(0, p.length() - "data.pkl".length());
    }

    private ByteOrder byteOrder(ZipFile zip, String prefix) throws IOException {
        ZipEntry e = zip.getEntry(prefix + "byteorder");
        if (e == null) return ByteOrder.LITTLE_ENDIAN;
        String s = new String(readEntry(zip, prefix + "byteorder", 64), StandardCharsets.US_ASCII).trim();
        if (s.equals("little")) return ByteOrder.LITTLE_ENDIAN;
        if (s.equals("big")) return ByteOrder.BIG_ENDIAN;
        throw new CheckpointException("cannot read " + path + ": unknown byteorder '" + s + "'");
    }

    private byte[] readEntry(ZipFile zip, String name, long maxBytes) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) throw new CheckpointException("cannot read " + path + ": archive entry " + name + " is missing");
        if (e.getSize() > maxBytes) {
            throw new CheckpointException("cannot read " + path + ": archive entry " + name + " is too large ("
                    + e.getSize() + " bytes)");
        }
        try (InputStream in = zip.getInputStream(e)) {
            if (e.getSize() < 0) return in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 16));
            byte[] b = new byte[(int) e.getSize()];
            if (in.readNBytes(b, 0, b.length) != b.length) {
                throw new CheckpointException("cannot read " + path + ": archive entry " + name + " is truncated");
            }
            return b;
        }
    }

    // ---- pickle callbacks: build data only -------------------------------------------------------------

    private Object reduce(RestrictedUnpickler.Global g, RestrictedUnpickler.Tuple args) throws CheckpointException {
        String q = g.qualified();
        switch (q) {
            case ORDERED_DICT -> {
                Map<Object, Object> d = new LinkedHashMap<>();
                if (args.size() == 1 && args.get(0) instanceof List<?> pairs) {
                    for (Object pair : pairs) {
                        if (pair instanceof RestrictedUnpickler.Tuple t && t.size() == 2) d.put(t.get(0), t.get(1));
                        else if (pair instanceof List<?> l && l.size() == 2) d.put(l.get(0), l.get(1));
                    }
                }
                return d;
            }
            case REBUILD_TENSOR -> {
                if (args.size() < 4 || !(args.get(0) instanceof StorageRef storage)) {
                    throw malformed("_rebuild_tensor_v2 called without a storage");
                }
                long offset = asLong(args.get(1));
                long[] size = longs(args.get(2));
                long[] stride = longs(args.get(3));
                if (size.length != stride.length) throw malformed("tensor size and stride differ in length");
                return new TensorRef(storage, offset, size, stride);
            }
            case REBUILD_PARAMETER, REBUILD_PARAMETER_WITH_STATE -> {
                if (args.size() < 1 || !(args.get(0) instanceof TensorRef t)) {
                    throw malformed(g.name() + " called without a tensor");
                }
                return t;
            }
            default -> throw new CheckpointException("refused to load " + path + ": its pickle calls '" + q
                    + "', which a plain tensor state dict never needs; nothing in the file was executed.");
        }
    }

    private Object persistentLoad(Object pid) throws CheckpointException {
        if (!(pid instanceof RestrictedUnpickler.Tuple t) || t.size() != 5 || !"storage".equals(t.get(0))) {
            throw malformed("unexpected persistent id " + pid);
        }
        if (!(t.get(1) instanceof RestrictedUnpickler.Global g) || !g.module().equals("torch")) {
            throw malformed("persistent id without a torch storage class");
        }
        ElementType type = ElementType.fromTorchStorage(g.name());
        if (type == null) throw malformed("unsupported storage class torch." + g.name());
        if (!(t.get(2) instanceof String key) || key.contains("/") || key.contains("..")) {
            throw malformed("bad storage key " + t.get(2));
        }
        return new StorageRef(key, type, asLong(t.get(4)));
    }

    private long asLong(Object o) throws CheckpointException {
        if (o instanceof Long l) return l;
        throw malformed("expected an integer, got " + o);
    }

    private long[] longs(Object o) throws CheckpointException {
        if (!(o instanceof RestrictedUnpickler.Tuple t)) throw malformed("expected a tuple of integers, got " + o);
        long[] out = new long[t.size()];
        for (int i = 0; i < out.length; i++) out[i] = asLong(t.get(i));
        return out;
    }

    private CheckpointException malformed(String what) {
        return new CheckpointException("cannot read " + path + ": not a plain tensor state dict (" + what + ")");
    }

    // ---- state dict ---------------------------------------------------------------------------------------

    private Map<String, TensorRef> stateDictRefs(Object root) throws CheckpointException {
        if (!(root instanceof Map<?, ?> top)) {
            throw malformed("the pickle holds " + (root == null ? "None" : root.getClass().getSimpleName())
                    + " instead of a dict of tensors");
        }
        Map<?, ?> sd = top;
        for (String key : WRAPPER_KEYS) {
            if (!containsTensors(top) && top.get(key) instanceof Map<?, ?> inner) {
                sd = inner;
                break;
            }
        }
        Map<String, TensorRef> refs = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : sd.entrySet()) {
            if (e.getKey() instanceof String name && e.getValue() instanceof TensorRef t) {
                refs.put(name.startsWith("module.") ? name.substring("module.".length()) : name, t);
            }
        }
        if (refs.isEmpty()) {
            throw new CheckpointException("no tensors found in " + path + " (top-level keys: "
                    + abbreviate(top.keySet().stream().map(String::valueOf).toList()) + ")");
        }
        return refs;
    }

    private static boolean containsTensors(Map<?, ?> m) {
        return m.values().stream().anyMatch(v -> v instanceof TensorRef);
    }

    private StateDict materialise(ZipFile zip, String prefix, ByteOrder order, Map<String, TensorRef> refs)
            throws IOException {
        Map<String, Integer> uses = new HashMap<>();
        for (TensorRef r : refs.values()) uses.merge(r.storage().key(), 1, Integer::sum);
        Map<String, ByteBuffer> cache = new HashMap<>();
        StateDict sd = new StateDict();
        for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
            TensorRef r = e.getValue();
            StorageRef s = r.storage();
            ByteBuffer buf = cache.get(s.key());
            if (buf == null) {
                buf = readStorage(zip, prefix, s).order(order);
                cache.put(s.key(), buf);
            }
            sd.put(new Tensor(e.getKey(), r.size().clone(), toFloats(e.getKey(), r, buf)));
            if (uses.merge(s.key(), -1, Integer::sum) == 0) cache.remove(s.key());
        }
        return sd;
    }

    private ByteBuffer readStorage(ZipFile zip, String prefix, StorageRef s) throws IOException {
        long bytes = Math.multiplyExact(s.numel(), (long) s.type().bytes());
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new CheckpointException("cannot read " + path + ": storage " + s.key() + " is larger than 2 GB");
        }
        byte[] b = readEntry(zip, prefix + "data/" + s.key(), Integer.MAX_VALUE - 16);
        if (b.length < bytes) {
            throw new CheckpointException("cannot read " + path + ": storage " + s.key() + " has " + b.length
                    + " bytes, its header promises " + bytes);
        }
        return ByteBuffer.wrap(b);
    }

    private float[] toFloats(String name, TensorRef r, ByteBuffer buf) throws CheckpointException {
        long numel = r.numel();
        if (numel > Integer.MAX_VALUE - 8) throw malformed("tensor " + name + " is too large");
        float[] out = new float[(int) numel];
        if (numel == 0) return out;
        long last = r.offset();
        for (int i = 0; i < r.size().length; i++) {
            if (r.size()[i] < 0 || r.stride()[i] < 0) throw malformed("tensor " + name + " has a negative size/stride");
            last += (r.size()[i] - 1) * r.stride()[i];
        }
        if (r.offset() < 0 || last >= r.storage().numel()) {
            throw malformed("tensor " + name + " " + Arrays.toString(r.size()) + " reaches element " + last
                    + " of a storage with " + r.storage().numel());
        }
        ElementType type = r.storage().type();
        int elem = type.bytes();
        if (isContiguous(r.size(), r.stride())) {
            buf.position((int) (r.offset() * elem));
            type.decodeFloats(buf, out, 0, out.length);
            return out;
        }
        int dims = r.size().length;
        long[] idx = new long[dims];
        long src = r.offset();
        for (int i = 0; i < out.length; i++) {
            out[i] = type.floatAt(buf, (int) (src * elem));
            for (int d = dims - 1; d >= 0; d--) {
                idx[d]++;
                src += r.stride()[d];
                if (idx[d] < r.size()[d]) break;
                src -= idx[d] * r.stride()[d];
                idx[d] = 0;
            }
        }
        return out;
    }

    static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) return false;
            expected *= size[d];
        }
        return true;
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 12)) + ", … (" + names.size() + " in all)";
    }
}
