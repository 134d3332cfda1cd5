package org.alor.clip;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test-only reader for float32 tensors of a fixture safetensors file (the production reader lives elsewhere). */
final class FixtureSafetensors {
    private final ByteBuffer data;
    private final JsonObject header;
    private final int dataStart;

    FixtureSafetensors(Path file) throws IOException {
        data = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) data.getLong(0);
        header = JsonParser.parseString(new String(data.array(), 8, headerLength, StandardCharsets.UTF_8)).getAsJsonObject();
        dataStart = 8 + headerLength;
    }

    float[] f32(String name) {
        JsonObject t = header.getAsJsonObject(name);
        if (t == null || !"F32".equals(t.get("dtype").getAsString())) throw new IllegalArgumentException("no F32 tensor " + name);
        JsonArray offsets = t.getAsJsonArray("data_offsets");
        int begin = dataStart + offsets.get(0).getAsInt();
        int end = dataStart + offsets.get(1).getAsInt();
        float[] out = new float[(end - begin) / 4];
        for (int i = 0; i < out.length; i++) out[i] = data.getFloat(begin + 4 * i);
        return out;
    }

    long[] shape(String name) {
        JsonArray s = header.getAsJsonObject(name).getAsJsonArray("shape");
        long[] out = new long[s.size()];
        for (int i = 0; i < out.length; i++) out[i] = s.get(i).getAsLong();
        return out;
    }
}
