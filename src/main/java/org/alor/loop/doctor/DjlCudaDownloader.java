package org.alor.loop.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Lets DJL fetch its own CUDA libtorch: a child JVM on this class path with {@code PYTORCH_FLAVOR} and DJL online
 * loads the engine (this process keeps its CPU libtorch, which cannot be unloaded). Progress is the growth of DJL's
 * cache folder for that flavor.
 */
public final class DjlCudaDownloader implements CudaDownloader {
    @Override
    public void download(Path djlCache, String flavor, LongConsumer bytesWritten) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) throw new IOException("no java launcher at " + java + " to run the download");
        Path log = Files.createTempFile("alor-cuda-download", ".log");
        List<String> cmd = List.of(java.toString(), "-DPYTORCH_FLAVOR=" + flavor, "-Dai.djl.offline=false",
                "-DDJL_CACHE_DIR=" + djlCache, "-cp", System.getProperty("java.class.path"), "org.alor.clip.EngineWarmUp");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PYTORCH_FLAVOR", flavor);
        pb.environment().put("DJL_CACHE_DIR", djlCache.toString());
        Process p = pb.start();
        try {
            while (!p.waitFor(500, TimeUnit.MILLISECONDS)) bytesWritten.accept(flavorBytes(djlCache, flavor));
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("download cancelled");
        }
        bytesWritten.accept(flavorBytes(djlCache, flavor));
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (p.exitValue() != 0 || !out.contains(flavor)) {
            String last = out.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
            throw new IOException(last.contains("UnknownHost") || last.contains("offline") ? "offline (" + last + ")" : last);
        }
    }

    private static long flavorBytes(Path djlCache, String flavor) {
        Path pytorch = djlCache.resolve("pytorch");
        if (!Files.isDirectory(pytorch)) return 0;
        try (Stream<Path> files = Files.walk(pytorch)) {
            return files.filter(f -> f.toString().contains("-" + flavor + "-")).filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
