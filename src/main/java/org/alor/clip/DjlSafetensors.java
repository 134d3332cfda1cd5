package org.alor.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes safetensors files through DJL's own codec ({@link NDList#decode} /
 * {@link NDList.Encoding#SAFETENSORS}); array names are kept. A stop-gap until the project's
 * checkpoint readers are merged; errors name the file.
 */
public final class DjlSafetensors {
    private DjlSafetensors() {
    }

    /** All arrays of a safetensors file, attached to {@code manager}. */
    public static NDList read(NDManager manager, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            NDList list = NDList.decode(manager, in);
            for (NDArray a : list) {
                if (a.getName() == null) {
                    throw new IOException(file + ": tensor without a name (not a safetensors file?)");
                }
            }
            return list;
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": file not found", e);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(file.toString())
                    ? e : new IOException(file + ": cannot read safetensors (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a valid safetensors file (" + e.getMessage() + ")", e);
        }
    }

    /** Writes named arrays (each must have a name) as one safetensors file. */
    public static void write(Path file, NDList arrays) throws IOException {
        for (NDArray a : arrays) {
            if (a.getName() == null || a.getName().isEmpty()) {
                throw new IllegalArgumentException("every array written to " + file + " needs a name");
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            arrays.encode(out, NDList.Encoding.SAFETENSORS);
        }
    }
}
