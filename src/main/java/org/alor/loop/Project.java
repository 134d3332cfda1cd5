package org.alor.loop;

import org.alor.clip.Devices;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.store.ProjectStore;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A session on one project, opened by the app and the CLI alike: it owns the store (when it opened it), the model
 * backend with its device and thread count, and the backend's caches, all released by {@link #close()}.
 *
 * <pre>{@code
 * try (Project p = Project.open(dir).optDevice("gpu").optThreads(4).build()) {
 *     p.runRound(RoundSpec.builder(Method.CT, "tfs").build(), new OracleLabeler(), Progress.NONE, token);
 * }
 * }</pre>
 *
 * The backend is opened on first use, so a session for store-only work never loads a checkpoint. A session's device
 * is fixed: to use another one, open a new session (the app does so when its Settings change).
 */
public final class Project implements AutoCloseable {
    private final ProjectStore store;
    private final boolean ownsStore;
    private final String device;
    private final int threads;
    private final ModelBackend.Factory backends;
    private final Precision explicitPrecision;
    private Precision precision;
    private ModelBackend backend;

    private Project(Builder b, ProjectStore store) {
        this.store = store;
        this.ownsStore = b.store == null;
        this.device = b.device;
        this.threads = b.threads;
        this.backends = b.backends;
        this.explicitPrecision = b.precision;
    }

    /** A session that opens the project in {@code dir} and closes it with the session. */
    public static Builder open(Path dir) {
        return new Builder(Objects.requireNonNull(dir, "project folder"), null);
    }

    /** A session on an already open store, which stays open when the session closes (the app's open project). */
    public static Builder on(ProjectStore store) {
        return new Builder(null, Objects.requireNonNull(store, "store"));
    }

    public ProjectStore store() {
        return store;
    }

    public String device() {
        return device;
    }

    /** 0 = all cores. */
    public int threads() {
        return threads;
    }

    /**
     * The number format the session's encoding runs in (rounds run in their spec's): the one given to the builder,
     * else the project's {@link Precision#SETTING}, else bf16 where the device runs it fast, else fp32. Resolved once.
     */
    public synchronized Precision precision() {
        if (precision == null) {
            precision = explicitPrecision != null ? explicitPrecision
                    : Precision.configured(store.settings()).orElseGet(this::deviceDefault);
            precision.computeType(); // fp16 is refused here, with the reason
        }
        return precision;
    }

    /** bf16 where the session's device runs it fast; fp32 when the device cannot be selected (the backend says why). */
    private Precision deviceDefault() {
        try {
            return Precision.defaultFor(Devices.select(device));
        } catch (RuntimeException e) {
            return Precision.FP32;
        }
    }

    /** The session's model backend, opened on first use, set to the session's {@link #precision()}. */
    public synchronized ModelBackend backend() {
        return backend(precision());
    }

    private synchronized ModelBackend backend(Precision p) {
        if (backend == null) backend = backends.open(device, threads);
        backend.usePrecision(p.computeType());
        return backend;
    }

    /** A round engine for {@code spec} on this project, wired to the session's backend in the spec's precision. */
    public RoundEngine roundEngine(RoundSpec spec, Labeler labeler) {
        ModelBackend b = backend(spec.precision());
        return new RoundEngine(store, spec, b.featureSource(store), b.textEncoder(store), labeler).withBackend(b);
    }

    /** The project's checkpoint as an embedder of its samples (the {@code embed} job), with {@code spec}'s batch and threads. */
    public ProjectEmbedder embedder(EmbedSpec spec) {
        return backend().embedder(store, spec);
    }

    /** Zero-shot CLIP on the labelled test split; missing test embeddings are computed and cached first. */
    public ZeroShotEvaluation.Report zeroShot(ZeroShotSpec spec, Progress progress, CancellationToken token) {
        return ZeroShotEvaluation.run(this, spec, progress, token);
    }

    /** Continues the first unfinished round, or starts the next one, with {@code spec}. */
    public RoundResult runRound(RoundSpec spec, Labeler labeler, Progress progress, CancellationToken token)
            throws InterruptedException {
        return roundEngine(spec, labeler).withProgress(progress).withCancellation(token).runNextRound();
    }

    /** The round that stopped before its picks, if any, with the spec it was started with (see {@link UnfinishedRound}). */
    public Optional<UnfinishedRound> unfinishedRound() {
        return RoundEngine.unfinishedRound(store);
    }

    /** Discards the round that stopped before its picks (never a label); see {@link RoundEngine#discardUnfinished}. */
    public void discardUnfinishedRound(int index) {
        RoundEngine.discardUnfinished(store, index);
    }

    @Override
    public synchronized void close() {
        try {
            if (backend != null) backend.close();
        } finally {
            backend = null;
            if (ownsStore) store.close();
        }
    }

    /** Builds a {@link Project}; every {@code opt…} has a default. */
    public static final class Builder {
        private final Path dir;
        private final ProjectStore store;
        private String device = "auto";
        private int threads;
        private ModelBackend.Factory backends = ModelBackend.Factory.CLIP;
        private Precision precision;

        private Builder(Path dir, ProjectStore store) {
            this.dir = dir;
            this.store = store;
        }

        /** "auto" (default), "cpu", "gpu" or "mps". */
        public Builder optDevice(String d) {
            this.device = Objects.requireNonNull(d, "device");
            return this;
        }

        /** Image-decoding threads; 0 (default) = all cores. */
        public Builder optThreads(int n) {
            if (n < 0) throw new IllegalArgumentException("threads must be 0 (all cores) or more, not " + n);
            this.threads = n;
            return this;
        }

        /** Where the model comes from (default: the project's CLIP checkpoint); tests pass a fake. */
        public Builder optBackend(ModelBackend.Factory f) {
            this.backends = Objects.requireNonNull(f, "backend factory");
            return this;
        }

        /** The session's precision; unset = the project's setting, else what the device runs fast. */
        public Builder optPrecision(Precision p) {
            this.precision = p;
            return this;
        }

        public Project build() {
            return new Project(this, store != null ? store : ProjectStore.open(dir));
        }
    }
}
