package org.alor.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile checkpoint folders, made by the tests themselves (each next to a real OpenCLIP config). */
final class Hostile {
    private static final Path CONFIG = Path.of("sample-data", "synthetic-aves", "clip", "open_clip_config.json");

    private Hostile() {
    }

    /** A torch zip whose pickle asks to run {@code touch marker} through os.system. */
    static void picklingCheckpoint(Path folder, Path marker) throws IOException {
        Files.copy(CONFIG, folder.resolve("open_clip_config.json"));
        String pickle = "cos\nsystem\n(S'touch " + marker + "'\ntR.";
        try (OutputStream out = Files.newOutputStream(folder.resolve("open_clip_pytorch_model.bin"));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle.getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("archive/version"));
            zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
    }

    /** A safetensors file whose header promises a 40 GB tensor it does not hold. */
    static void lyingSafetensors(Path folder, Path marker) throws IOException {
        Files.copy(CONFIG, folder.resolve("open_clip_config.json"));
        byte[] header = ("{\"visual.proj\":{\"dtype\":\"F32\",\"shape\":[100000,100000],"
                + "\"data_offsets\":[0,40000000000]}}").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        Files.write(folder.resolve("open_clip_model.safetensors"), b.array());
    }

    static void randomBytesCheckpoint(Path folder, Path marker) throws IOException {
        Files.copy(CONFIG, folder.resolve("open_clip_config.json"));
        byte[] bytes = new byte[4096];
        new Random(1).nextBytes(bytes);
        Files.write(folder.resolve("open_clip_model.safetensors"), bytes);
    }
}
