package org.alor.loop.doctor;

import java.nio.file.Path;
import java.util.function.LongConsumer;

/** Fetches DJL's CUDA build of libtorch into DJL's cache; reports bytes written. Injected so tests never download. */
public interface CudaDownloader {
    /** @throws Exception with a message naming the cause (offline, HTTP error, disk full) */
    void download(Path djlCache, String flavor, LongConsumer bytesWritten) throws Exception;
}
