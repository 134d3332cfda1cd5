package org.alor.clip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TempDir
    Path tmp;

    @Test
    void readsEveryFixtureFile() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            files = s.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path f : files) {
            try (SafetensorsFile st = SafetensorsFile.open(f)) {
                assertThat(st.names()).as(f.toString()).isNotEmpty();
                long bytes = 0;
                for (String name : st.names()) {
                    Tensor t = st.floatTensor(name);
                    assertThat(t.shape()).isEqualTo(st.shape(name));
                    for (float v : t.data()) assertThat(Float.isFinite(v)).as(name).isTrue();
                    bytes += (long) t.data().length * st.dtype(name).bytes();
                }
                long header = ByteBuffer.wrap(Files.readAllBytes(f), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                assertThat(8 + header + bytes).as("tensors cover the data section of " + f).isEqualTo(Files.size(f));
            }
        }
    }

    @Test
    void readsFixtureTensorsInHeaderOrderWithKnownValues() throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(FIXTURES.resolve("clip-tiny/inputs.safetensors"))) {
            assertThat(st.names()).containsExactly("pixel_values", "input_ids");
            assertThat(st.dtype("input_ids")).isEqualTo(ElementType.I64);
            assertThat(st.shape("input_ids")).containsExactly(3, 16);
            long[] ids = st.longTensor("input_ids");
            assertThat(ids).hasSize(48);
            // every prompt starts with the start token and holds the end token (vocab 1000: bos 998, eos 999)
            for (int row = 0; row < 3; row++) {
                assertThat(ids[row * 16]).isEqualTo(998);
                boolean hasEos = false;
                for (int i = 0; i < 16; i++) hasEos |= ids[row * 16 + i] == 999;
                assertThat(hasEos).isTrue();
            }
            assertThatThrownBy(() -> st.longTensor("pixel_values")).isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("pixel_values").hasMessageContaining("F32");
            assertThatThrownBy(() -> st.floatTensor("nope")).hasMessageContaining("nope")
                    .hasMessageContaining("inputs.safetensors");
        }
    }

    @Test
    void roundTripsFloatAndLongTensorsWithAlignedSpacePaddedHeader() throws IOException {
        float[] a = {1.5f, -2f, 3.25f, Float.MIN_VALUE, Float.MAX_VALUE, -0f};
        long[] ids = {49406, 320, 1125, 49407, Long.MIN_VALUE, Long.MAX_VALUE};
        Path f = tmp.resolve("out.safetensors");
        new SafetensorsWriter().metadata("format", "pt")
                .addLong("input_ids", new long[] {2, 3}, ids)
                .addFloat("weights.a", new long[] {3, 2}, a)
                .addFloat("scalar", new long[] {}, new float[] {7f})
                .write(f);
        byte[] raw = Files.readAllBytes(f);
        long headerLen = ByteBuffer.wrap(raw, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLen % 8).isZero();
        String header = new String(raw, 8, (int) headerLen, StandardCharsets.UTF_8);
        assertThat(header).startsWith("{\"__metadata__\":{\"format\":\"pt\"}");
        assertThat(header.substring(header.stripTrailing().length())).matches(" *");

        try (SafetensorsFile st = SafetensorsFile.open(f)) {
            assertThat(st.names()).containsExactly("input_ids", "weights.a", "scalar");
            assertThat(st.metadata()).containsEntry("format", "pt");
            assertThat(st.longTensor("input_ids")).containsExactly(ids);
            assertThat(st.floatTensor("weights.a").data()).containsExactly(a);
            assertThat(st.shape("weights.a")).containsExactly(3, 2);
            assertThat(st.shape("scalar")).isEmpty();
            assertThat(st.floatTensor("scalar").data()).containsExactly(7f);
        }
    }

    @Test
    void writerRoundTripsAFixtureStateDictExactly() throws IOException {
        Path src = FIXTURES.resolve("clip-tiny/open_clip_model.safetensors");
        StateDict sd = SafetensorsFile.readAll(src);
        Path copy = tmp.resolve("copy.safetensors");
        SafetensorsWriter.write(copy, sd);
        StateDict back = SafetensorsFile.readAll(copy);
        assertThat(back.names()).containsExactlyElementsOf(sd.names());
        for (Tensor t : sd.tensors()) {
            assertThat(back.get(t.name()).shape()).isEqualTo(t.shape());
            assertThat(back.get(t.name()).data()).containsExactly(t.data());
        }
        // same layout as the fixture, so the data section is byte-identical
        byte[] a = Files.readAllBytes(src);
        byte[] b = Files.readAllBytes(copy);
        assertThat(b.length - headerEnd(b)).isEqualTo(a.length - headerEnd(a));
        assertThat(java.util.Arrays.equals(a, headerEnd(a), a.length, b, headerEnd(b), b.length)).isTrue();
    }

    private static int headerEnd(byte[] f) {
        return 8 + (int) ByteBuffer.wrap(f, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void widensHandWrittenF16AndBf16() throws IOException {
        // F16: 1.0 = 0x3C00, -2.0 = 0xC000, 0.5 = 0x3800, 65504 = 0x7BFF, smallest subnormal 2^-24 = 0x0001,
        // -0.0 = 0x8000, +inf = 0x7C00, 0.333251953125 = 0x3555
        short[] f16 = {0x3C00, (short) 0xC000, 0x3800, 0x7BFF, 0x0001, (short) 0x8000, 0x7C00, 0x3555};
        float[] f16Want = {1f, -2f, 0.5f, 65504f, 0x1p-24f, -0f, Float.POSITIVE_INFINITY, 0.333251953125f};
        // BF16: 1.0 = 0x3F80, -2.0 = 0xC000, 3.140625 = 0x4049, 1e-40-ish subnormal 0x0001 = 2^-133
        short[] bf16 = {0x3F80, (short) 0xC000, 0x4049, 0x0001};
        float[] bf16Want = {1f, -2f, 3.140625f, 0x1p-133f};
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2,4],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[4],\"data_offsets\":[16,24]}}";
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : f16) data.putShort(s);
        for (short s : bf16) data.putShort(s);
        Path f = writeRaw(header, data.array());
        try (SafetensorsFile st = SafetensorsFile.open(f)) {
            assertThat(st.dtype("h")).isEqualTo(ElementType.F16);
            assertThat(st.floatTensor("h").data()).containsExactly(f16Want);
            assertThat(st.floatTensor("b").data()).containsExactly(bf16Want);
        }
    }

    @Test
    void halfPrecisionConversionsRoundTripEveryFiniteValue() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short h = (short) bits;
            float f = HalfPrecision.f16ToFloat(h);
            if (Float.isNaN(f)) continue;
            assertThat(HalfPrecision.floatToF16(f)).as("f16 %04x", bits).isEqualTo(h);
            float b = HalfPrecision.bf16ToFloat(h);
            if (!Float.isNaN(b)) assertThat(HalfPrecision.floatToBf16(b)).as("bf16 %04x", bits).isEqualTo(h);
        }
        // round to nearest even: 1 + 2^-11 lies halfway between 1 and 1 + 2^-10
        assertThat(HalfPrecision.floatToF16(1f + 0x1p-11f)).isEqualTo((short) 0x3C00);
        assertThat(HalfPrecision.floatToF16(1f + 0x1p-11f + 0x1p-20f)).isEqualTo((short) 0x3C01);
        assertThat(HalfPrecision.floatToF16(70000f)).isEqualTo((short) 0x7C00);
    }

    @Test
    void writerStoresF16AndBf16WithinTheirPrecision() throws IOException {
        float[] v = {0.1f, -3.3f, 1000.7f, 1e-3f};
        Path f = tmp.resolve("half.safetensors");
        new SafetensorsWriter().addFloat("bf", new long[] {4}, v, ElementType.BF16)
                .addFloat("f32", new long[] {4}, v)
                .addFloat("h", new long[] {4}, v, ElementType.F16).write(f);
        try (SafetensorsFile st = SafetensorsFile.open(f)) {
            assertThat(st.names()).containsExactly("f32", "bf", "h"); // 4-byte tensors first keeps alignment
            float[] h = st.floatTensor("h").data();
            float[] bf = st.floatTensor("bf").data();
            for (int i = 0; i < v.length; i++) {
                assertThat(Math.abs(h[i] - v[i])).isLessThanOrEqualTo(Math.abs(v[i]) * 0x1p-11f);
                assertThat(Math.abs(bf[i] - v[i])).isLessThanOrEqualTo(Math.abs(v[i]) * 0x1p-8f);
            }
        }
    }

    @Test
    void rejectsBrokenFilesNamingTheFileAndProblem() throws IOException {
        Path tooShort = tmp.resolve("short.safetensors");
        Files.write(tooShort, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafetensorsFile.open(tooShort)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("short.safetensors").hasMessageContaining("too short");

        Path hugeHeader = tmp.resolve("huge.safetensors");
        Files.write(hugeHeader, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
        assertThatThrownBy(() -> SafetensorsFile.open(hugeHeader)).hasMessageContaining("huge.safetensors")
                .hasMessageContaining("header length");

        Path outOfRange = writeRaw("{\"x\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]);
        assertThatThrownBy(() -> SafetensorsFile.open(outOfRange)).hasMessageContaining("'x'")
                .hasMessageContaining("outside");

        Path inconsistent = writeRaw("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}", new byte[16]);
        assertThatThrownBy(() -> SafetensorsFile.open(inconsistent)).hasMessageContaining("needs 12 bytes")
                .hasMessageContaining("span 16");

        Path badDtype = writeRaw("{\"x\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]);
        assertThatThrownBy(() -> SafetensorsFile.open(badDtype)).hasMessageContaining("unsupported dtype C64");

        Path notJson = writeRaw("{not json", new byte[0]);
        assertThatThrownBy(() -> SafetensorsFile.open(notJson)).hasMessageContaining("not valid JSON");

        assertThatThrownBy(() -> SafetensorsFile.open(tmp.resolve("absent.safetensors")))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("absent.safetensors");
    }

    private int rawCount;

    private Path writeRaw(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path f = tmp.resolve("raw" + (rawCount++) + ".safetensors");
        Files.write(f, b.array());
        return f;
    }
}
