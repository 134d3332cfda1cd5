package org.alor.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.alor.job.PixelLimit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads size and SHA-256 of images and verifies that each one decodes completely.
 *
 * <p>Why a full decode: reading only the header gives the size of a truncated or corrupt JPEG just fine,
 * and such a file would then fail later in the middle of feature extraction. The JDK's JPEG decoder does not
 * even throw on a truncated file: it fills the rest with grey and emits a warning ("Premature end of JPEG
 * file"), so warnings count as corruption too. To keep memory low the decode uses source subsampling: every
 * compressed byte is still decoded, but only a small raster is kept. The file is read once into memory and both
 * hashed and decoded from that buffer.
 *
 * <p>Images are processed on a bounded pool of threads; results come back in input order.
 */
public final class ImageInspector {
    /** Longest side of the subsampled raster kept while verifying. */
    private static final int VERIFY_SIDE = 64;

    private final int threads;
    private final ImportProgress progress;

    public ImageInspector(int threads, ImportProgress progress) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.progress = progress == null ? ImportProgress.NONE : progress;
    }

    /** Uses up to 4 threads (never more than the processors available). */
    public ImageInspector() {
        this(defaultThreads(), ImportProgress.NONE);
    }

    public static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The outcome for one file: {@code info} when readable, else {@code problem} says why not. */
    public record Inspection(Path file, ImageInfo info, String problem) {
        public boolean ok() {
            return info != null;
        }
    }

    /** Inspects the files in parallel; the result list is in the order of {@code files}. */
    public List<Inspection> inspectAll(List<Path> files) {
        if (files.isEmpty()) return List.of();
        int n = files.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "alor-image-inspector");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Inspection>> futures = new ArrayList<>(n);
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    Inspection result = inspect(f);
                    progress.update(done.incrementAndGet(), n);
                    return result;
                }));
            }
            List<Inspection> results = new ArrayList<>(n);
            for (Future<Inspection> fut : futures) results.add(fut.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("image inspection interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("image inspection failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Inspects one file; never throws for bad content. */
    public static Inspection inspect(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Inspection(file, null, "file not found");
        } catch (IOException | OutOfMemoryError e) {
            return new Inspection(file, null, "cannot read file: " + e.getMessage());
        }
        if (bytes.length == 0) return new Inspection(file, null, "empty file");
        try {
            int[] size = decode(bytes, file.getFileName().toString());
            return new Inspection(file, new ImageInfo(size[0], size[1], sha256(bytes)), null);
        } catch (CorruptImageException e) {
            return new Inspection(file, null, e.getMessage());
        }
    }

    /** Hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java runtime", e);
        }
    }

    private static int[] decode(byte[] bytes, String fileName) throws CorruptImageException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                String what = ImageFiles.suffix(fileName).equals("webp") && !ImageFiles.isDecodable(fileName)
                        ? "WebP is not supported by this Java runtime (no ImageIO WebP reader installed)"
                        : "not a readable image (unknown format or damaged header)";
                throw new CorruptImageException(what);
            }
            ImageReader reader = readers.next();
            try {
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener(warningCollector(warnings));
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) throw new CorruptImageException("image has no pixels");
                if (PixelLimit.exceeds(width, height)) throw new CorruptImageException(PixelLimit.reason(width, height));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / VERIFY_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                if (!warnings.isEmpty()) throw new CorruptImageException("corrupt image data: " + warnings.get(0));
                return new int[] {width, height};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO plugins throw IIOException, EOFException and also runtime exceptions on damaged data
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CorruptImageException("corrupt or truncated image: " + msg);
        }
    }

    private static IIOReadWarningListener warningCollector(List<String> warnings) {
        return (source, warning) -> warnings.add(warning);
    }

    private static final class CorruptImageException extends Exception {
        CorruptImageException(String message) {
            super(message);
        }
    }
}
