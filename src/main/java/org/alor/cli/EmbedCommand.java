package org.alor.cli;

import ai.djl.Device;
import org.alor.clip.Devices;
import org.alor.job.Phase;
import org.alor.loop.ProjectCheckpoint;
import org.alor.loop.ProjectEmbedder;
import org.alor.store.ProjectStore;
import org.alor.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code alor embed}: caches the image embeddings of every sample of a project under its checkpoint. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Encode every pool/val/test/retrieved image of a project with its CLIP checkpoint and store the",
                "embeddings in the project's feature cache. Only missing ones are computed; Ctrl-C keeps finished batches."})
public final class EmbedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT_DIR")
    Path projectDir;

    @Mixin
    EncodingOptions encoding;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (encoding.problem() != null) return usage(err, encoding.problem());
        if (!Files.isRegularFile(projectDir.resolve(ProjectStore.DATABASE_FILE))) {
            return usage(err, projectDir + " is not an ALOR project (no " + ProjectStore.DATABASE_FILE + ")");
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = CancelOnInterrupt.install(cancelled, finished);
        try (ProjectStore store = ProjectStore.open(projectDir)) {
            Device dev = Devices.select(encoding.device);
            try (ProjectCheckpoint checkpoint = ProjectCheckpoint.open(store, dev)) {
                ProjectEmbedder embedder = new ProjectEmbedder(store, checkpoint, encoding.spec());
                ConsoleProgress bar = new ConsoleProgress("embedding", spec.commandLine().getErr());
                ProjectEmbedder.Report r = embedder.embed(ProjectEmbedder.allSplits(), bar.following(Phase.EMBEDDING),
                        org.alor.job.CancellationToken.following(cancelled::get));
                for (ProjectEmbedder.Failure f : r.failures()) err.println("skipped " + f);
                out.printf(Locale.ROOT, "%d samples: %d already cached, %d encoded (%.1f images/s), %d unreadable; "
                                + "checkpoint %s, preprocessing %s%n", r.samples(), r.cached(), r.encoded(),
                        r.imagesPerSecond(), r.failures().size(), checkpoint.hash().substring(0, 12),
                        checkpoint.preprocessKey());
                if (r.cancelled()) {
                    err.println("alor embed: interrupted; " + r.encoded() + " new embeddings were kept");
                    return 1;
                }
                return 0;
            }
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (IOException | IllegalStateException | StoreException e) {
            err.println("alor embed: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
            CancelOnInterrupt.remove(hook, finished);
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("alor embed: " + message);
        err.flush();
        return 2;
    }
}
