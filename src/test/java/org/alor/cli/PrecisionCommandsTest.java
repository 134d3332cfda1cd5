package org.alor.cli;

import org.alor.loop.Precision;
import org.alor.loop.Project;
import org.alor.loop.TinyProject;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.alor.cli.EmbedZeroShotCommandTest.run;

/** --precision on the session commands, the project's precision setting, and feature-cache keys per precision. */
class PrecisionCommandsTest {
    @TempDir
    static Path tmp;
    static Path project;

    @BeforeAll
    static void createProject() throws IOException {
        project = TinyProject.create(tmp);
    }

    @Test
    void embeddingsAreCachedPerPrecisionSoBf16IsNeverServedForFp32() {
        EmbedZeroShotCommandTest.Run fp32 = run(new EmbedCommand(), project.toString(), "--device", "cpu", "--precision", "fp32");
        assertThat(fp32.code()).as(fp32.err()).isZero();
        assertThat(fp32.out()).contains("0 already cached").doesNotContain("bf16");
        EmbedZeroShotCommandTest.Run bf16 = run(new EmbedCommand(), project.toString(), "--device", "cpu", "--precision", "bf16");
        assertThat(bf16.code()).as(bf16.err()).isZero();
        assertThat(bf16.out()).contains("0 already cached").contains("bf16");
        EmbedZeroShotCommandTest.Run again = run(new EmbedCommand(), project.toString(), "--device", "cpu", "--precision", "fp32");
        assertThat(again.out()).contains(", 0 encoded");
        EmbedZeroShotCommandTest.Run zeroShot = run(new ZeroShotCommand(), project.toString(), "--device", "cpu",
                "--precision", "bf16", "--json");
        assertThat(zeroShot.code()).as(zeroShot.err()).isZero();
    }

    @Test
    void theRoundSummarySaysWhichPrecisionRan() throws IOException {
        Path p = tmp.resolve("round");
        org.alor.loop.SyntheticWorld world = new org.alor.loop.SyntheticWorld();
        org.alor.loop.SyntheticWorld.create(p).close();
        RoundCommand round = new RoundCommand();
        round.sessionOptions.backends = (device, threads) -> new org.alor.loop.ModelBackend() {
            @Override
            public org.alor.loop.FeatureSource featureSource(ProjectStore store) {
                return world.featureSource(store);
            }

            @Override
            public org.alor.loop.TextEncoder textEncoder(ProjectStore store) {
                return world.textEncoder();
            }
        };
        EmbedZeroShotCommandTest.Run r = run(round, p.toString(), "--method", "lp", "--oracle", "--epochs", "2",
                "--precision", "bf16");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("labeled images, in bf16");
    }

    @Test
    void fp16AndUnknownPrecisionsAreUsageErrorsWithTheReason() {
        EmbedZeroShotCommandTest.Run fp16 = run(new EmbedCommand(), project.toString(), "--precision", "fp16");
        assertThat(fp16.code()).isEqualTo(2);
        assertThat(fp16.err()).contains("--precision").contains("loss scaling");
        EmbedZeroShotCommandTest.Run int8 = run(new ZeroShotCommand(), project.toString(), "--precision", "int8");
        assertThat(int8.code()).isEqualTo(2);
        assertThat(int8.err()).contains("unknown precision 'int8'");
        EmbedZeroShotCommandTest.Run set = run(new SetCommand(), project.toString(), "--precision", "fp16");
        assertThat(set.code()).isEqualTo(2);
        assertThat(set.err()).contains("loss scaling");
    }

    @Test
    void theProjectSettingIsTheSessionDefaultAndTheFlagWins() throws IOException {
        Path p = TinyProject.create(tmp.resolve("setting"));
        assertThat(run(new SetCommand(), p.toString(), "--precision", "bf16").code()).isZero();
        try (Project session = Project.open(p).build()) {
            assertThat(session.store().settings().getString(Precision.SETTING)).contains("bf16");
            assertThat(session.precision()).isEqualTo(Precision.BF16);
        }
        try (Project session = Project.open(p).optPrecision(Precision.FP32).build()) {
            assertThat(session.precision()).isEqualTo(Precision.FP32);
        }
        assertThat(run(new SetCommand(), p.toString(), "--precision", "fp32").code()).isZero();
        try (Project session = Project.open(p).build()) {
            assertThat(session.precision()).isEqualTo(Precision.FP32);
        }
        assertThat(run(new SetCommand(), p.toString(), "--precision", "auto").code()).isZero();
        try (ProjectStore store = ProjectStore.open(p); Project session = Project.on(store).optDevice("cpu").build()) {
            assertThat(session.precision()).isEqualTo(Precision.defaultFor(ai.djl.Device.cpu()));
        }
    }
}
