package org.alor.synth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An independent little tar reader for tests: checks magic and header checksums. */
final class UstarReader {
    private UstarReader() {
    }

    static List<String> names(byte[] tar) {
        return new ArrayList<>(members(tar).keySet());
    }

    static Map<String, byte[]> members(byte[] tar) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        int off = 0;
        while (off + 512 <= tar.length) {
            boolean zero = true;
            for (int i = 0; i < 512; i++) zero &= tar[off + i] == 0;
            if (zero) break;
            String magic = new String(tar, off + 257, 5, StandardCharsets.US_ASCII);
            if (!magic.equals("ustar")) throw new IllegalStateException("bad magic at " + off);
            long sum = 0;
            for (int i = 0; i < 512; i++) sum += (i >= 148 && i < 156) ? ' ' : tar[off + i] & 0xFF;
            long recorded = Long.parseLong(new String(tar, off + 148, 6, StandardCharsets.US_ASCII).trim(), 8);
            if (sum != recorded) throw new IllegalStateException("bad checksum at " + off);
            int nameLen = 0;
            while (nameLen < 100 && tar[off + nameLen] != 0) nameLen++;
            String name = new String(tar, off, nameLen, StandardCharsets.UTF_8);
            int size = Integer.parseInt(new String(tar, off + 124, 11, StandardCharsets.US_ASCII).trim(), 8);
            byte[] data = new byte[size];
            System.arraycopy(tar, off + 512, data, 0, size);
            out.put(name, data);
            off += 512 + (size + 511) / 512 * 512;
        }
        if (tar.length % 10240 != 0) throw new IllegalStateException("not padded to a 10240-byte record");
        return out;
    }
}
