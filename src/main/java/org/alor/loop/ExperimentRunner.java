package org.alor.loop;

import org.alor.job.Phase;
import org.alor.job.CancellationToken;
import org.alor.data.ClassInfo;
import org.alor.job.Progress;
import org.alor.store.ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.Objects;
import org.alor.adapt.ClipBase;
import org.alor.adapt.ImageSource;

/**
 * Runs an {@link ExperimentSpec} with the oracle: each run works in its own copy of the project database
 * ({@code OUT/runs/<name>/project.alor}, made with {@code VACUUM INTO}; the folder is laid out by
 * {@link GridPlanner}, so a scheduler can run its tasks too), so runs are independent and each resumes
 * where it stopped when the experiment is started again. Then writes {@code results.csv}, {@code per_class.csv},
 * {@code summary.md} and PNG charts to {@code OUT} (see {@link ExperimentReport}); {@link #runTask} runs just one run
 * of a laid-out grid and writes no report. The training of FT/CT/PT rounds
 * takes turns across runs (see {@link RoundEngine}); their selection, prediction bookkeeping and the ZS/LP runs still
 * overlap.
 */
public final class ExperimentRunner {
    private final Path sourceProject;
    private final Path outDir;
    private final ExperimentSpec plan;
    private final FeatureSource features;
    private final TextEncoder textEncoder;
    private Progress progress = Progress.NONE;
    private RoundListener rounds = RoundListener.NONE;
    private CancellationToken token = new CancellationToken();
    private Supplier<ClipBase> clipSupplier = () -> null;
    private Supplier<ImageSource> imageSupplier = () -> null;
    private volatile ClipBase clip;
    private volatile ImageSource images;

    /**
     * @param features   features of the source project's samples (copies keep the sample ids); thread-safe
     */
    public ExperimentRunner(Path sourceProject, Path outDir, ExperimentSpec plan, FeatureSource features,
                            TextEncoder textEncoder) {
        this.sourceProject = sourceProject;
        this.outDir = outDir;
        this.plan = plan;
        this.features = new MemoizingFeatureSource(features);
        this.textEncoder = textEncoder;
    }

    /** Told of every finished round of every run (on the run's thread), e.g. to draw curves as they grow. */
    public interface RoundListener {
        RoundListener NONE = (run, result, store) -> {
        };

        /** @param store the run's own project copy, open for the duration of the call */
        void roundFinished(ExperimentSpec.Run run, RoundResult result, ProjectStore store);
    }

    /**
     * A runner on the session's project and backend, wired the way every front end wires it: features and text
     * embeddings of the source project, and its pretrained CLIP and image files for FT/CT/PT. The session must stay
     * open while it runs.
     */
    public static ExperimentRunner inSession(Project session, Path outDir, ExperimentSpec plan) {
        ModelBackend backend = session.backend();
        ProjectStore source = session.store();
        return new ExperimentRunner(source.dir(), outDir, plan, backend.featureSource(source), backend.textEncoder(source))
                .withClip(() -> backend.clipBase(source), () -> backend.images(source));
    }

    public ExperimentRunner withRoundListener(RoundListener listener) {
        this.rounds = listener;
        return this;
    }

    public ExperimentRunner withProgress(Progress p) {
        this.progress = p;
        return this;
    }

    public ExperimentRunner withCancellation(CancellationToken t) {
        this.token = t;
        return this;
    }

    /**
     * The pretrained CLIP (FT/CT/PT) and the image files (FT/CT) of the source project's samples (copies keep the
     * ids); asked once, before the runs start, only when a planned method needs them. All runs share the (read-only)
     * pretrained weights; each round builds its own model from them.
     */
    public ExperimentRunner withClip(Supplier<ClipBase> base, Supplier<ImageSource> imageFiles) {
        this.clipSupplier = base;
        this.imageSupplier = imageFiles;
        return this;
    }

    /**
     * Lays the experiment out in the output folder ({@link GridPlanner}), runs (or resumes) every run of the plan, then
     * writes the report; returns the outcomes in plan order.
     */
    public List<RunOutcome> run() throws InterruptedException, IOException {
        for (ExperimentSpec.Run r : plan.runs()) {
            plan.config(r); // fail fast on an unknown method or strategy
        }
        wireClip(plan.methods());
        List<ClassInfo> classes;
        try (ProjectStore source = ProjectStore.open(sourceProject)) {
            GridPlanner.layOut(source, outDir, plan, GridPlan.currentLauncher());
            classes = source.classTable().all();
        }
        List<ExperimentSpec.Run> runs = plan.runs();
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(plan.threads(), runs.size()));
        List<Future<RunOutcome>> futures = new ArrayList<>();
        try {
            for (ExperimentSpec.Run r : runs) {
                futures.add(pool.submit(() -> {
                    RunOutcome o = runOne(r);
                    progress.phase(Phase.EXPERIMENT, finished.incrementAndGet(), runs.size(), r.name() + " done");
                    return o;
                }));
            }
            List<RunOutcome> outcomes = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    outcomes.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof CancellationException ce) throw ce;
                    failures.add(runs.get(i).name() + ": " + cause.getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.size() + " run(s) failed (rerun to resume them): " + String.join("; ", failures));
            }
            new ExperimentReport(plan, classes, outcomes, sourceProject).writeTo(outDir);
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs (or continues) only run {@code index} of a plan already laid out in the output folder, in its project
     * copy, and writes no report (a grid task; {@code --collect} merges the finished ones).
     */
    public RunOutcome runTask(int index) throws InterruptedException {
        ExperimentSpec.Run r = plan.runs().get(index);
        plan.config(r);
        wireClip(List.of(r.method()));
        if (!Files.exists(runDir(r).resolve(ProjectStore.DATABASE_FILE))) {
            throw new IllegalStateException(runDir(r) + ": the run's project copy is missing; plan the grid again"
                    + " (the plan keeps every existing run)");
        }
        return runOne(r);
    }

    /** Fails fast (before any run starts) when a method needs CLIP or images that are not wired. */
    private void wireClip(List<String> methods) {
        if (methods.stream().map(Method::parse).anyMatch(Method::needsClip) && clip == null) {
            clip = Objects.requireNonNull(clipSupplier.get(), "FT/CT/PT need the pretrained CLIP (withClip)");
        }
        if (methods.stream().map(Method::parse).anyMatch(Method::needsImages) && images == null) {
            images = Objects.requireNonNull(imageSupplier.get(), "FT/CT need the image files (withClip)");
        }
    }

    private Path runDir(ExperimentSpec.Run r) {
        return GridPlan.runDir(outDir, r);
    }

    private RunOutcome runOne(ExperimentSpec.Run r) throws InterruptedException {
        try (ProjectStore store = ProjectStore.open(runDir(r))) {
            RoundEngine engine = new RoundEngine(store, plan.config(r), features, textEncoder,
                    new OracleLabeler()).withCancellation(token).withClip(() -> clip, () -> images)
                    .withProgress(new RunProgress(r.name(), progress));
            List<RoundResult> results = new ArrayList<>();
            for (int round = 0; round <= plan.rounds(); round++) {
                RoundResult result = engine.runRound(round, round < plan.rounds());
                results.add(result);
                rounds.roundFinished(r, result, store);
            }
            return RunOutcomes.of(store, r, results);
        }
    }
}
