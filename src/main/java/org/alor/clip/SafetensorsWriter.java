package org.alor.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes a safetensors file: float tensors as F32 (or F16/BF16 on request) and integer tensors as I64.
 * Tensors are written in the order added (optionally sorted by name), stably grouped by element size,
 * largest first, so every tensor starts aligned — as the Hugging Face library does. The JSON header is padded
 * with spaces to a multiple of 8 bytes. The file is written to a temporary sibling and moved into place.
 */
public final class SafetensorsWriter {
    private static final int CHUNK_ELEMENTS = 1 << 20;

    /** {@code floats} is asked for the values only while the file is written, one tensor at a time. */
    private record Item(String name, long[] shape, ElementType type, Supplier<float[]> floats, long[] longs) {
        long count() {
            long n = 1;
            for (long d : shape) n *= d;
            return n;
        }

        long byteSize() {
            return count() * type.bytes();
        }
    }

    private final List<Item> items = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private boolean sortByName;

    public SafetensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Sort tensors by name in the file (the Hugging Face library's order); default: insertion order. */
    public SafetensorsWriter sortByName(boolean sort) {
        this.sortByName = sort;
        return this;
    }

    public SafetensorsWriter add(Tensor t) {
        return addFloat(t.name(), t.shape(), t.data());
    }

    public SafetensorsWriter addAll(StateDict sd) {
        for (Tensor t : sd.tensors()) add(t);
        return this;
    }

    public SafetensorsWriter addFloat(String name, long[] shape, float[] data) {
        return addFloat(name, shape, data, ElementType.F32);
    }

    /** A float tensor stored as F32, F16 or BF16 (narrowed with round-to-nearest-even). */
    public SafetensorsWriter addFloat(String name, long[] shape, float[] data, ElementType storeAs) {
        if (storeAs != ElementType.F32 && storeAs != ElementType.F16 && storeAs != ElementType.BF16) {
            throw new IllegalArgumentException("float tensors are stored as F32, F16 or BF16, not " + storeAs);
        }
        checkCount(name, shape, data.length);
        items.add(new Item(name, shape.clone(), storeAs, () -> data, null));
        return this;
    }

    /**
     * A float32 tensor whose values are read from {@code data} only when the file is written, so a writer of many
     * large tensors (weights, optimiser moments) holds one of them on the heap at a time.
     */
    public SafetensorsWriter addFloatLater(String name, long[] shape, Supplier<float[]> data) {
        checkCount(name, shape, -1);
        items.add(new Item(name, shape.clone(), ElementType.F32, data, null));
        return this;
    }

    public SafetensorsWriter addLong(String name, long[] shape, long[] data) {
        checkCount(name, shape, data.length);
        items.add(new Item(name, shape.clone(), ElementType.I64, null, data));
        return this;
    }

    private void checkCount(String name, long[] shape, int count) {
        if (name.equals("__metadata__")) throw new IllegalArgumentException("'__metadata__' is reserved");
        for (Item it : items) {
            if (it.name().equals(name)) throw new IllegalArgumentException("duplicate tensor name " + name);
        }
        long n = 1;
        for (long d : shape) n *= d;
        if (count >= 0 && n != count) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + java.util.Arrays.toString(shape)
                    + " needs " + n + " values, got " + count);
        }
    }

    public static void write(Path path, StateDict sd) throws IOException {
        new SafetensorsWriter().addAll(sd).write(path);
    }

    public void write(Path path) throws IOException {
        List<Item> ordered = new ArrayList<>(items);
        if (sortByName) ordered.sort(Comparator.comparing(Item::name));
        ordered.sort(Comparator.comparingInt((Item it) -> it.type().bytes()).reversed());

        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Item it : ordered) {
            JsonObject o = new JsonObject();
            o.addProperty("dtype", it.type().safetensorsName());
            JsonArray shape = new JsonArray();
            for (long d : it.shape()) shape.add(d);
            o.add("shape", shape);
            JsonArray offs = new JsonArray();
            offs.add(offset);
            offset += it.byteSize();
            offs.add(offset);
            o.add("data_offsets", offs);
            header.add(it.name(), o);
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;

        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, path.getFileName().toString(), ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
                head.putLong(padded).put(json);
                while (head.hasRemaining()) head.put((byte) ' ');
                writeFully(ch, head.flip());
                ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_ELEMENTS * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (Item it : ordered) writeData(ch, buf, it);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void writeData(FileChannel ch, ByteBuffer buf, Item it) throws IOException {
        float[] floats = it.floats() != null ? it.floats().get() : null;
        int count = floats != null ? floats.length : it.longs().length;
        if (count != it.count()) {
            throw new IllegalStateException("tensor " + it.name() + ": shape " + java.util.Arrays.toString(it.shape())
                    + " needs " + it.count() + " values, got " + count);
        }
        for (int start = 0; start < count; start += CHUNK_ELEMENTS) {
            int end = Math.min(count, start + CHUNK_ELEMENTS);
            buf.clear();
            if (it.type() == ElementType.F32) {
                buf.asFloatBuffer().put(floats, start, end - start);
                buf.position((end - start) * 4);
                writeFully(ch, buf.flip());
                continue;
            }
            if (it.type() == ElementType.I64) {
                buf.asLongBuffer().put(it.longs(), start, end - start);
                buf.position((end - start) * 8);
                writeFully(ch, buf.flip());
                continue;
            }
            for (int i = start; i < end; i++) {
                switch (it.type()) {
                    case F32 -> buf.putFloat(floats[i]);
                    case F16 -> buf.putShort(HalfPrecision.floatToF16(floats[i]));
                    case BF16 -> buf.putShort(HalfPrecision.floatToBf16(floats[i]));
                    case I64 -> buf.putLong(it.longs()[i]);
                    default -> throw new IllegalStateException(it.type().toString());
                }
            }
            writeFully(ch, buf.flip());
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) ch.write(buf);
    }
}
