package org.alor.loop;

import ai.djl.Device;
import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModel;
import org.alor.clip.ElementType;
import org.alor.clip.OpenClipCheckpointWriter;
import org.alor.synth.PretrainOptions;
import org.alor.synth.SynthConfig;
import org.alor.synth.SynthWorld;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A synthetic 4-species dataset (32 px, no corpus) imported as a project whose checkpoint is a random tiny CLIP. */
public final class TinyProject {
    public static final ClipConfig TINY = PretrainOptions.tinyClip(32, 32, 8, 32, 1, 16, 24, 32, 2, 1);

    private TinyProject() {
    }

    /** Creates dataset, checkpoint and project under {@code root}; returns the project folder. */
    public static Path create(Path root) throws IOException {
        Path data = root.resolve("data");
        SynthWorld.create(SynthConfig.defaults().withSpecies(4).withCorpusPairs(40).withShardSize(40).withImageSize(32)
                .withSplitSizes(6, 3, 2, 5)).writeTo(data);
        Path ckpt = root.resolve("ckpt");
        try (ClipModel model = ClipModel.random(TINY, Device.cpu(), 11)) {
            OpenClipCheckpointWriter.write(ckpt, TINY, model.stateDict(), ElementType.F32, Map.of());
        }
        Path project = root.resolve("project");
        int code = new CommandLine(new org.alor.cli.InitCommand()).execute(project.toString(), "--images", data.toString(),
                "--format", "splits", "--checkpoint", ckpt.toString());
        if (code != 0) throw new IllegalStateException("alor init failed with " + code);
        return project;
    }
}
