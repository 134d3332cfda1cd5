package org.alor.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A streaming reader of ustar/pax/GNU tar archives (what webdataset and img2dataset write), without dependencies.
 * Handles pax extended headers ({@code path}, {@code size}), GNU long names ({@code L}), base-256 sizes, and
 * checks header checksums. Call {@link #next()}, then either {@link #readContent()} or let {@link #next()} skip it.
 */
public final class TarReader implements AutoCloseable {
    private static final int BLOCK = 512;
    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private long remaining;   // unread content bytes of the current entry
    private long padding;     // bytes up to the next block boundary
    private Map<String, String> globalPax = new HashMap<>();

    /** A regular file member. */
    public record Entry(String name, long size) {
    }

    /** The archive ends inside a header or a member's content. */
    public static final class TruncatedException extends IOException {
        public TruncatedException(String message) {
            super(message);
        }
    }

    public TarReader(InputStream in) {
        this.in = in;
    }

    /** The next regular file, or null at the end of the archive. */
    public Entry next() throws IOException {
        skipRest();
        String longName = null;
        Map<String, String> pax = null;
        while (true) {
            int got = in.readNBytes(header, 0, BLOCK);
            if (got == 0) return null;
            if (got < BLOCK) throw new TruncatedException("archive ends inside a header");
            if (allZero(header)) return null;
            checkChecksum();
            char type = (char) header[156];
            long size = parseNumber(header, 124, 12);
            String name = longName != null ? longName : ustarName();
            if (pax != null) {
                if (pax.containsKey("path")) name = pax.get("path");
                if (pax.containsKey("size")) size = Long.parseLong(pax.get("size").trim());
            } else if (globalPax.containsKey("path")) {
                name = globalPax.get("path");
            }
            switch (type) {
                case 'x' -> pax = parsePax(readBytes(size, "pax header"));
                case 'g' -> globalPax = parsePax(readBytes(size, "pax global header"));
                case 'L' -> longName = trimNul(new String(readBytes(size, "GNU long name"), StandardCharsets.UTF_8));
                case '0', '\0', '7' -> {
                    remaining = size;
                    padding = pad(size);
                    return new Entry(name, size);
                }
                default -> {
                    remaining = size;
                    padding = pad(size);
                    skipRest();
                    longName = null;
                    pax = null;
                }
            }
        }
    }

    /** The whole content of the current entry. */
    public byte[] readContent() throws IOException {
        if (remaining > Integer.MAX_VALUE - 16) throw new IOException("member too large to read into memory");
        byte[] b = in.readNBytes((int) remaining);
        if (b.length < remaining) throw new TruncatedException("member ends after " + b.length + " of " + remaining + " bytes");
        remaining = 0;
        return b;
    }

    private byte[] readBytes(long size, String what) throws IOException {
        remaining = size;
        padding = pad(size);
        try {
            return readContent();
        } catch (TruncatedException e) {
            throw new TruncatedException(what + " is truncated");
        } finally {
            skipPadding();
        }
    }

    private void skipRest() throws IOException {
        byte[] discard = new byte[8192];
        while (remaining > 0) {
            int n = in.read(discard, 0, (int) Math.min(discard.length, remaining));
            if (n < 0) {
                long left = remaining;
                remaining = 0;
                throw new TruncatedException("member ends " + left + " bytes early");
            }
            remaining -= n;
        }
        skipPadding();
    }

    private void skipPadding() throws IOException {
        // A missing final padding is harmless; some writers omit it at the very end.
        if (padding > 0) in.readNBytes((int) padding);
        padding = 0;
    }

    private static long pad(long size) {
        long r = size % BLOCK;
        return r == 0 ? 0 : BLOCK - r;
    }

    private String ustarName() {
        String name = cString(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a' && header[261] == 'r';
        if (ustar) {
            String prefix = cString(header, 345, 155);
            if (!prefix.isEmpty()) name = prefix + "/" + name;
        }
        return name;
    }

    private void checkChecksum() throws IOException {
        long stored = parseNumber(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
        if (sum != stored) throw new IOException("bad tar header checksum (not a tar file, or corrupted)");
    }

    static long parseNumber(byte[] b, int off, int len) throws IOException {
        if ((b[off] & 0x80) != 0) { // GNU base-256 for sizes >= 8 GiB
            long v = b[off] & 0x7f;
            for (int i = 1; i < len; i++) v = (v << 8) | (b[off + i] & 0xff);
            return v;
        }
        long v = 0;
        boolean any = false;
        for (int i = off; i < off + len; i++) {
            int c = b[i];
            if (c == 0 || (c == ' ' && any)) break;
            if (c == ' ') continue;
            if (c < '0' || c > '7') throw new IOException("bad octal number in tar header");
            v = v * 8 + (c - '0');
            any = true;
        }
        return v;
    }

    private static Map<String, String> parsePax(byte[] data) throws IOException {
        Map<String, String> out = new HashMap<>();
        int i = 0;
        while (i < data.length) {
            int sp = i;
            while (sp < data.length && data[sp] != ' ') sp++;
            if (sp >= data.length) break;
            int len;
            try {
                len = Integer.parseInt(new String(data, i, sp - i, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("bad pax header record");
            }
            if (len <= 0 || i + len > data.length) throw new IOException("bad pax header record length");
            String rec = new String(data, sp + 1, i + len - sp - 2, StandardCharsets.UTF_8);
            int eq = rec.indexOf('=');
            if (eq > 0) out.put(rec.substring(0, eq), rec.substring(eq + 1));
            i += len;
        }
        return out;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int i = s.indexOf('\0');
        return i >= 0 ? s.substring(0, i) : s;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
