package org.alor.cli;

import org.alor.job.Phase;
import org.alor.loop.Project;
import org.alor.loop.ProjectEmbedder;
import org.alor.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

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

    @Mixin
    SessionOptions sessionOptions = new SessionOptions();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String problem = encoding.problem(projectDir);
        if (problem != null) return usage(err, problem);
        try (CancelOnInterrupt ctrlC = CancelOnInterrupt.install();
             Project session = sessionOptions.open(projectDir)) {
            ProjectEmbedder embedder = session.embedder(encoding.spec());
            ConsoleProgress bar = new ConsoleProgress("embedding", err);
            ProjectEmbedder.Report r = embedder.embed(ProjectEmbedder.allSplits(), bar.following(Phase.EMBEDDING), ctrlC.token());
            for (ProjectEmbedder.Failure f : r.failures()) err.println("skipped " + f);
            out.printf(Locale.ROOT, "%d samples: %d already cached, %d encoded (%.1f images/s), %d unreadable; "
                            + "checkpoint %s, preprocessing %s%n", r.samples(), r.cached(), r.encoded(),
                    r.imagesPerSecond(), r.failures().size(), embedder.checkpoint().hash().substring(0, 12),
                    embedder.checkpoint().preprocessKey());
            if (r.cancelled()) {
                err.println("alor embed: interrupted; " + r.encoded() + " new embeddings were kept");
                return 1;
            }
            return 0;
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (UncheckedIOException | IllegalStateException | StoreException e) {
            err.println("alor embed: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("alor embed: " + message);
        err.flush();
        return 2;
    }
}
