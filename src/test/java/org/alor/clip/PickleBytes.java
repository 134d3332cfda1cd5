package org.alor.clip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds pickle byte streams opcode by opcode (tests only), and wraps them in torch.save-style zips. */
final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleBytes proto(int v) {
        return op(0x80).raw(v);
    }

    PickleBytes op(int code) {
        out.write(code);
        return this;
    }

    PickleBytes raw(int b) {
        out.write(b);
        return this;
    }

    PickleBytes mark() {
        return op('(');
    }

    PickleBytes global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    PickleBytes str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        out.writeBytes(b);
        return this;
    }

    PickleBytes shortStr(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op(0x8c).raw(b.length);
        out.writeBytes(b);
        return this;
    }

    PickleBytes integer(long v) {
        if (v >= 0 && v < 256) return op('K').raw((int) v);
        op('J');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        return this;
    }

    PickleBytes ints(long... values) {
        mark();
        for (long v : values) integer(v);
        return op('t');
    }

    /** Pushes {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())}. */
    PickleBytes tensor(String storageClass, String key, long numel, long offset, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2");
        mark();
        mark().str("storage").global("torch", storageClass).str(key).str("cpu").integer(numel).op('t').op('Q');
        integer(offset);
        ints(size);
        ints(stride);
        op(0x89);
        global("collections", "OrderedDict").op(')').op('R');
        op('t');
        return op('R');
    }

    PickleBytes stop() {
        return op('.');
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] floatsLe(float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    /** A torch.save zip: {@code archive/data.pkl}, {@code archive/data/<key>}, {@code archive/version}. */
    static Path torchZip(Path file, byte[] pickle, Map<String, byte[]> storages) throws IOException {
        try (OutputStream fo = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(fo)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : storages.entrySet()) {
                zip.putNextEntry(new ZipEntry("archive/data/" + e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("archive/version"));
            zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return file;
    }
}
