package org.alor.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal POSIX ustar writer with deterministic bytes: regular files only, mode 0644, uid/gid 0,
 * empty owner names, mtime 0; the archive ends with two zero blocks and is padded to a 10,240-byte
 * record, as GNU tar and Python's tarfile write it. The caller decides member order.
 */
public final class UstarWriter implements AutoCloseable {
    private static final int BLOCK = 512, RECORD = 20 * BLOCK;

    private final OutputStream out;
    private long written;

    public UstarWriter(OutputStream out) {
        this.out = out;
    }

    public void add(String name, byte[] data) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) throw new IllegalArgumentException("tar member name longer than 100 bytes: " + name);
        byte[] h = new byte[BLOCK];
        System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, data.length);
        octal(h, 136, 12, 0);
        for (int i = 148; i < 156; i++) h[i] = ' ';
        h[156] = '0';
        put(h, 257, "ustar\0");
        put(h, 263, "00");
        long sum = 0;
        for (byte b : h) sum += b & 0xFF;
        octal(h, 148, 7, sum); // six digits, NUL, then the space left in place
        h[155] = ' ';
        write(h);
        write(data);
        int pad = (int) ((BLOCK - data.length % BLOCK) % BLOCK);
        write(new byte[pad]);
    }

    @Override
    public void close() throws IOException {
        write(new byte[2 * BLOCK]);
        int pad = (int) ((RECORD - written % RECORD) % RECORD);
        write(new byte[pad]);
        out.close();
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        written += b.length;
    }

    /** Zero-padded octal digits followed by a NUL, filling {@code len} bytes. */
    private static void octal(byte[] h, int off, int len, long value) {
        String s = Long.toOctalString(value);
        if (s.length() > len - 1) throw new IllegalArgumentException("value too large for tar header: " + value);
        String padded = "0".repeat(len - 1 - s.length()) + s;
        put(h, off, padded);
        h[off + len - 1] = 0;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
