package org.alor.clip;

import java.nio.ByteBuffer;

/** Element types found in checkpoints, with their safetensors dtype names and PyTorch storage classes. */
public enum ElementType {
    F64("F64", "DoubleStorage", 8, true),
    F32("F32", "FloatStorage", 4, true),
    F16("F16", "HalfStorage", 2, true),
    BF16("BF16", "BFloat16Storage", 2, true),
    I64("I64", "LongStorage", 8, false),
    I32("I32", "IntStorage", 4, false),
    I16("I16", "ShortStorage", 2, false),
    I8("I8", "CharStorage", 1, false),
    U8("U8", "ByteStorage", 1, false),
    BOOL("BOOL", "BoolStorage", 1, false);

    private final String safetensorsName;
    private final String torchStorage;
    private final int bytes;
    private final boolean floating;

    ElementType(String safetensorsName, String torchStorage, int bytes, boolean floating) {
        this.safetensorsName = safetensorsName;
        this.torchStorage = torchStorage;
        this.bytes = bytes;
        this.floating = floating;
    }

    public String safetensorsName() {
        return safetensorsName;
    }

    public String torchStorage() {
        return torchStorage;
    }

    public int bytes() {
        return bytes;
    }

    public boolean isFloating() {
        return floating;
    }

    public static ElementType fromSafetensors(String name) {
        for (ElementType t : values()) if (t.safetensorsName.equals(name)) return t;
        return null;
    }

    public static ElementType fromTorchStorage(String className) {
        for (ElementType t : values()) if (t.torchStorage.equals(className)) return t;
        return null;
    }

    /** Reads the element at byte position {@code pos} of {@code buf} (its byte order already set) as float. */
    public float floatAt(ByteBuffer buf, int pos) {
        return switch (this) {
            case F64 -> (float) buf.getDouble(pos);
            case F32 -> buf.getFloat(pos);
            case F16 -> HalfPrecision.f16ToFloat(buf.getShort(pos));
            case BF16 -> HalfPrecision.bf16ToFloat(buf.getShort(pos));
            default -> (float) longAt(buf, pos);
        };
    }

    /** Reads the element at byte position {@code pos} as long (floating types are truncated). */
    public long longAt(ByteBuffer buf, int pos) {
        return switch (this) {
            case I64 -> buf.getLong(pos);
            case I32 -> buf.getInt(pos);
            case I16 -> buf.getShort(pos);
            case I8 -> buf.get(pos);
            case U8, BOOL -> buf.get(pos) & 0xff;
            default -> (long) floatAt(buf, pos);
        };
    }

    /** Decodes {@code n} elements from {@code buf}'s position (advancing it) into {@code dst[off..off+n)}. */
    public void decodeFloats(ByteBuffer buf, float[] dst, int off, int n) {
        if (this == F32) {
            buf.asFloatBuffer().get(dst, off, n);
            buf.position(buf.position() + n * 4);
            return;
        }
        int pos = buf.position();
        for (int i = 0; i < n; i++, pos += bytes) dst[off + i] = floatAt(buf, pos);
        buf.position(pos);
    }

    /** Decodes {@code n} elements from {@code buf}'s position (advancing it) into {@code dst[off..off+n)}. */
    public void decodeLongs(ByteBuffer buf, long[] dst, int off, int n) {
        int pos = buf.position();
        for (int i = 0; i < n; i++, pos += bytes) dst[off + i] = longAt(buf, pos);
        buf.position(pos);
    }
}
