package org.alor.rehearsal;

import ai.djl.Device;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModel;
import org.alor.clip.ClipModelFactory;
import org.alor.clip.ElementType;
import org.alor.clip.OpenClipCheckpointWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A ViT-B/32 (QuickGELU, OpenCLIP's laion400m shape) checkpoint with random weights in the OpenCLIP folder layout,
 * float32 as the downloaded one: same tensor names, shapes and file size, so loading, encoding and training cost
 * what they will with the real weights.
 */
public final class RehearsalCheckpoint {
    private RehearsalCheckpoint() {
    }

    public static void write(Path dir, long seed) throws IOException {
        ClipConfig config = ClipModelFactory.vitB32QuickGelu();
        try (ClipModel model = ClipModel.random(config, Device.cpu(), seed)) {
            OpenClipCheckpointWriter.write(dir, config, model.stateDict(), ElementType.F32,
                    Map.of("alor.rehearsal", "random ViT-B/32 weights, seed " + seed));
        }
    }
}
