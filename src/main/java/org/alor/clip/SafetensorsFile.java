package org.alor.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open safetensors file: 8-byte little-endian header length, a JSON header (dtype, shape, data_offsets per
 * tensor, optional {@code __metadata__}), then the raw little-endian data. The header is validated on open;
 * tensors are read on demand with positional reads, so multi-GB files never sit in one byte array.
 * Not thread-safe (one read buffer per open file); open one per thread if needed.
 */
public final class SafetensorsFile implements AutoCloseable {
    /** The Hugging Face library refuses headers above 100 MB; so do we. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final int CHUNK_BYTES = 8 << 20;

    private record Entry(String name, ElementType type, long[] shape, long numel, long begin, long end) {
    }

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart,
                            Map<String, Entry> entries, Map<String, String> metadata) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    public static SafetensorsFile open(Path path) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new CheckpointException("cannot open " + path + ": " + e.getMessage(), e);
        }
        try {
            return parse(path, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static SafetensorsFile parse(Path path, FileChannel ch) throws IOException {
        long fileSize = ch.size();
        if (fileSize < 8) throw bad(path, "file is " + fileSize + " bytes, too short for a safetensors header");
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0);
        long headerLen = lenBuf.getLong(0);
        if (headerLen <= 0 || headerLen > MAX_HEADER_BYTES || 8 + headerLen > fileSize) {
            throw bad(path, "header length " + Long.toUnsignedString(headerLen) + " is impossible for a file of "
                    + fileSize + " bytes (not a safetensors file, or truncated)");
        }
        ByteBuffer header = ByteBuffer.allocate((int) headerLen);
        readFully(ch, header, 8);
        String json = new String(header.array(), StandardCharsets.UTF_8);
        JsonObject root;
        try {
            JsonElement el = JsonParser.parseString(json);
            if (!el.isJsonObject()) throw bad(path, "header is not a JSON object");
            root = el.getAsJsonObject();
        } catch (JsonParseException e) {
            throw bad(path, "header is not valid JSON (" + e.getMessage() + ")");
        }
        long dataStart = 8 + headerLen;
        long dataSize = fileSize - dataStart;
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> kv : root.entrySet()) {
            String name = kv.getKey();
            if (name.equals("__metadata__")) {
                if (kv.getValue().isJsonObject()) {
                    for (Map.Entry<String, JsonElement> m : kv.getValue().getAsJsonObject().entrySet()) {
                        metadata.put(m.getKey(), m.getValue().isJsonPrimitive()
                                ? m.getValue().getAsString() : m.getValue().toString());
                    }
                }
                continue;
            }
            entries.put(name, parseEntry(path, name, kv.getValue(), dataSize));
        }
        return new SafetensorsFile(path, ch, dataStart, entries, metadata);
    }

    private static Entry parseEntry(Path path, String name, JsonElement el, long dataSize) throws CheckpointException {
        try {
            JsonObject o = el.getAsJsonObject();
            String dtype = o.get("dtype").getAsString();
            ElementType type = ElementType.fromSafetensors(dtype);
            if (type == null) throw bad(path, "tensor '" + name + "' has unsupported dtype " + dtype);
            JsonArray shapeArr = o.getAsJsonArray("shape");
            long[] shape = new long[shapeArr.size()];
            long numel = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeArr.get(i).getAsLong();
                if (shape[i] < 0) throw bad(path, "tensor '" + name + "' has negative dimension in shape "
                        + Arrays.toString(shape));
                numel = Math.multiplyExact(numel, shape[i]);
            }
            JsonArray off = o.getAsJsonArray("data_offsets");
            if (off == null || off.size() != 2) throw bad(path, "tensor '" + name + "' has no [begin, end] data_offsets");
            long begin = off.get(0).getAsLong();
            long end = off.get(1).getAsLong();
            if (begin < 0 || end < begin || end > dataSize) {
                throw bad(path, "tensor '" + name + "' has data_offsets [" + begin + ", " + end
                        + "] outside the " + dataSize + "-byte data section (file truncated?)");
            }
            long expected = Math.multiplyExact(numel, type.bytes());
            if (end - begin != expected) {
                throw bad(path, "tensor '" + name + "' " + dtype + " " + Arrays.toString(shape) + " needs "
                        + expected + " bytes but data_offsets span " + (end - begin));
            }
            if (numel > Integer.MAX_VALUE - 8) {
                throw bad(path, "tensor '" + name + "' has " + numel + " elements, too many for one array");
            }
            return new Entry(name, type, shape, numel, begin, end);
        } catch (CheckpointException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad(path, "tensor '" + name + "' has a malformed header entry: " + el);
        }
    }

    private static CheckpointException bad(Path path, String problem) {
        return new CheckpointException("invalid safetensors file " + path + ": " + problem);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) throw new EOFException("unexpected end of file");
            pos += n;
        }
        buf.flip();
    }

    public Path path() {
        return path;
    }

    /** Tensor names in header order ({@code __metadata__} excluded). */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    public long[] shape(String name) throws CheckpointException {
        return entry(name).shape().clone();
    }

    public ElementType dtype(String name) throws CheckpointException {
        return entry(name).type();
    }

    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    /** Any tensor widened (or converted) to float32. */
    public Tensor floatTensor(String name) throws IOException {
        Entry e = entry(name);
        float[] out = new float[(int) e.numel()];
        readElements(e, (buf, off, n) -> e.type().decodeFloats(buf, out, off, n));
        return new Tensor(name, e.shape().clone(), out);
    }

    /** An integer tensor (I64, I32, I16, I8, U8, BOOL) as long values, e.g. {@code input_ids}. */
    public long[] longTensor(String name) throws IOException {
        Entry e = entry(name);
        if (e.type().isFloating()) {
            throw new CheckpointException("tensor '" + name + "' in " + path + " is " + e.type().safetensorsName()
                    + ", not an integer tensor");
        }
        long[] out = new long[(int) e.numel()];
        readElements(e, (buf, off, n) -> e.type().decodeLongs(buf, out, off, n));
        return out;
    }

    /** Every tensor as float32, in header order. */
    public StateDict readAll() throws IOException {
        StateDict sd = new StateDict();
        for (String name : entries.keySet()) sd.put(floatTensor(name));
        return sd;
    }

    public static StateDict readAll(Path path) throws IOException {
        try (SafetensorsFile f = open(path)) {
            return f.readAll();
        }
    }

    private interface ChunkSink {
        void accept(ByteBuffer chunk, int elementOffset, int count);
    }

    private void readElements(Entry e, ChunkSink sink) throws IOException {
        int elemBytes = e.type().bytes();
        long total = e.end() - e.begin();
        int chunkBytes = CHUNK_BYTES;
        ByteBuffer buf = chunkBuffer();
        long done = 0;
        int element = 0;
        while (done < total) {
            int len = (int) Math.min(chunkBytes, total - done);
            buf.clear().limit(len);
            try {
                readFully(channel, buf, dataStart + e.begin() + done);
            } catch (EOFException eof) {
                throw bad(path, "data of tensor '" + e.name() + "' is cut short (file truncated?)");
            }
            int count = len / elemBytes;
            sink.accept(buf, element, count);
            element += count;
            done += len;
        }
    }

    private ByteBuffer chunk;

    /** One direct buffer per open file: channel reads land in it without an extra heap copy. */
    private ByteBuffer chunkBuffer() {
        if (chunk == null) chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        return chunk;
    }

    private Entry entry(String name) throws CheckpointException {
        Entry e = entries.get(name);
        if (e == null) throw new CheckpointException("no tensor named '" + name + "' in " + path);
        return e;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
