package org.alor.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alor.loop.FeatureSource;
import org.alor.loop.ModelBackend;
import org.alor.loop.SyntheticWorld;
import org.alor.loop.TextEncoder;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class LoopCommandsTest {
    private static final SyntheticWorld WORLD = new SyntheticWorld();
    /** What the commands' sessions open: the synthetic world's model unless a test wires another. */
    private ModelBackend.Factory backends = (device, threads) -> new ModelBackend() {
        @Override
        public FeatureSource featureSource(ProjectStore store) {
            return WORLD.featureSource(store);
        }

        @Override
        public TextEncoder textEncoder(ProjectStore store) {
            return WORLD.textEncoder();
        }
    };

    @TempDir
    Path tmp;

    private RoundCommand round() {
        RoundCommand c = new RoundCommand();
        c.sessionOptions.backends = backends;
        return c;
    }

    private ExperimentCommand experiment() {
        ExperimentCommand c = new ExperimentCommand();
        c.sessionOptions.backends = backends;
        return c;
    }

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(Callable<Integer> command, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter picoErr = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cl = new CommandLine(command);
            cl.setErr(new PrintWriter(picoErr, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + picoErr);
    }

    @Test
    void roundRunsOneRoundAtATimeAndStatusShowsThem() {
        Path project = tmp.resolve("p");
        SyntheticWorld.create(project).close();
        String dir = project.toString();

        Run r0 = run(round(), dir, "--method", "lp", "--strategy", "tfs", "--oracle", "--epochs", "5", "--seed", "3");
        assertThat(r0.code()).as(r0.err()).isZero();
        assertThat(r0.out()).contains("Round 0 (lp, tfs, seed 3): done", "test: accuracy", "selected 6:", "for species");
        Run r1 = run(round(), dir, "--method", "lp", "--strategy", "tfs", "--oracle", "--epochs", "5", "--seed", "3");
        assertThat(r1.out()).contains("Round 1 (lp, tfs, seed 3): done", "trained on 115 retrieved + 12 labeled images");

        // Without the oracle the round stops at labeling and is finished by a later call.
        Run r2 = run(round(), dir, "--method", "lp", "--strategy", "tfs", "--epochs", "5", "--seed", "3");
        assertThat(r2.code()).isZero();
        assertThat(r2.out()).contains("Round 2", "6 selected image(s) await labels", "(awaiting label)");

        Run status = run(new StatusCommand(), dir);
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("done", "labeling", "18 labeled images in the project");
        Run json = run(new StatusCommand(), dir, "--json");
        JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
        assertThat(root.getAsJsonArray("rounds")).hasSize(3);
        assertThat(root.getAsJsonArray("rounds").get(1).getAsJsonObject().getAsJsonObject("test").get("support").getAsInt())
                .isEqualTo(SyntheticWorld.CLASSES * 20);
    }

    @Test
    void badUsageExitsWith2AndFailuresWith1OnOneLine() {
        Path project = tmp.resolve("p");
        SyntheticWorld.create(project).close();
        Run badMethod = run(round(), project.toString(), "--method", "xyz");
        assertThat(badMethod.code()).isEqualTo(2);
        assertThat(badMethod.err()).contains("unknown method 'xyz'").contains("ft, ct, pt");
        Run badRate = run(round(), project.toString(), "--method", "ct", "--lr-encoder", "-1");
        assertThat(badRate.code()).isEqualTo(2);
        assertThat(badRate.err()).contains("encoder learning rate must be positive");
        Run lpInHalf = run(round(), project.toString(), "--method", "lp", "--mixed-precision");
        assertThat(lpInHalf.code()).isEqualTo(2);
        assertThat(lpInHalf.err()).contains("precision fp16 applies to ft, ct and pt");
        Run badStrategy = run(experiment(), project.toString(), "--strategies", "nope", "--out", tmp.resolve("o").toString());
        assertThat(badStrategy.code()).isEqualTo(2);
        assertThat(badStrategy.err()).contains("unknown selection strategy 'nope'");
        Run missing = run(new StatusCommand(), tmp.resolve("missing").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err()).contains("no ALOR project here");
    }

    @Test
    void clipMethodsNeedACheckpointAndRunWhenOneIsWired() {
        Path project = tmp.resolve("p");
        SyntheticWorld.create(project).close();
        Run unwired = run(round(), project.toString(), "--method", "ct", "--oracle");
        assertThat(unwired.code()).isEqualTo(1);
        assertThat(unwired.err().strip().lines()).hasSize(1);
        assertThat(unwired.err()).contains("no CLIP checkpoint is wired");

        Path images = tmp.resolve("images");
        org.alor.loop.ClipProject.create(images).close();
        backends = (device, threads) -> org.alor.loop.ClipProject.backend();
        Run pt = run(round(), images.toString(), "--method", "pt", "--epochs", "2", "--batch", "8",
                "--lr-head", "0.001", "--oracle");
        assertThat(pt.code()).as(pt.err()).isZero();
        assertThat(pt.out()).contains("Round 0 (pt, tfs, seed 666)").contains("test: accuracy");
        assertThat(images.resolve("models/round-0/contexts.safetensors")).exists();
        Run cpuHalf = run(round(), images.toString(), "--method", "ft", "--mixed-precision");
        assertThat(cpuHalf.code()).isEqualTo(2);
        assertThat(cpuHalf.err()).contains("precision fp16 is not available");
    }

    @Test
    void experimentWritesResultsForEveryRunAndRound() throws Exception {
        Path project = tmp.resolve("p");
        SyntheticWorld.create(project).close();
        Path out = tmp.resolve("out");
        Run r = run(experiment(), project.toString(), "--methods", "zeroshot", "--strategies", "random,tfs",
                "--rda", "on,off", "--rounds", "1", "--seeds", "1", "--epochs", "2", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 runs × 2 rounds");
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 4 * 2);
        assertThat(Files.readString(out.resolve("summary.md"))).contains("| zeroshot | tfs | off |");
    }
}
