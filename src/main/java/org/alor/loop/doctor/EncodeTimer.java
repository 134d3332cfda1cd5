package org.alor.loop.doctor;

import java.nio.file.Path;
import java.time.Duration;

/** Times image encoding of a CLIP checkpoint on a device for about {@code budget}; images per second. */
public interface EncodeTimer {
    double imagesPerSecond(Path checkpoint, String device, Duration budget) throws Exception;
}
