package org.alor.app.demo;

import org.alor.app.charts.ChartData;
import org.alor.app.common.EtaText;
import org.alor.app.common.TaskJob;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.alor.job.CancellationToken;
import org.alor.job.Phase;
import org.alor.job.Progress;
import org.alor.loop.Project;
import java.util.function.Function;
import org.alor.store.ProjectStore;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * State of the demo page: the two accuracy curves (ALOR vs standard active learning, test accuracy in % per round) and each side's
 * latest per-class data for the heat maps. The race runs on a background thread; every change to this state is
 * posted through {@code fx} (Platform::runLater in the app), so the JavaFX thread only draws.
 */
public final class DemoViewModel {
    public static final int DEFAULT_LAST_ROUND = 4;

    private final Path folder;
    private final Executor fx;
    private final IntegerProperty lastRound = new SimpleIntegerProperty(DEFAULT_LAST_ROUND);
    private final IntegerProperty epochs = new SimpleIntegerProperty(DemoRace.DEFAULT_EPOCHS);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Press Run to race ALOR against standard active learning on the sample world.");
    private final XYSeries alor = new XYSeries(DemoRace.ALOR.label());
    private final XYSeries baseline = new XYSeries(DemoRace.BASELINE.label());
    private final XYSeriesCollection curves = new XYSeriesCollection();
    private final ObjectProperty<ChartData> alorClasses = new SimpleObjectProperty<>();
    private final ObjectProperty<ChartData> baselineClasses = new SimpleObjectProperty<>();
    private final StringProperty replay = new SimpleStringProperty("");
    private final StringProperty alorCaption = new SimpleStringProperty("");
    private final StringProperty baselineCaption = new SimpleStringProperty("");
    private final Function<Path, Project> sessions;
    private volatile CancellationToken token;

    /** @param folder where the two demo projects go (under the user data folder in the app) */
    public DemoViewModel(Path folder, Executor fx) {
        this(folder, fx, dir -> Project.open(dir).build());
    }

    /** @param sessions opens an engine session on a project folder (the app's device preference and backend) */
    public DemoViewModel(Path folder, Executor fx, Function<Path, Project> sessions) {
        this.folder = folder;
        this.fx = fx;
        this.sessions = sessions;
        curves.addSeries(alor);
        curves.addSeries(baseline);
    }

    /** The race as a background task for the app's job machinery. */
    Task<Void> task() {
        return new TaskJob<>("ALOR vs standard active learning", (p, token) -> {
            play(p, token);
            return null;
        });
    }

    /** A replay of a recorded experiment as a background task. */
    Task<Void> replayTask(Path experiment, long pauseMillis) {
        return new TaskJob<>("Replay of a recorded race", (p, token) -> {
            replay(experiment, pauseMillis, p, token);
            return null;
        });
    }

    /** Plays the race on the calling (background) thread; returns normally when cancelled (here or by {@code cancel}). */
    public void play(Progress progress, CancellationToken cancel) throws Exception {
        int last = lastRound.get();
        DemoRace race = new DemoRace(folder, last, epochs.get(), sessions);
        long started = System.nanoTime();
        perform("", "Preparing the race…", progress, cancel, (t, p) -> race.run((side, round, accuracy, store) -> {
            ChartData data = ChartData.load(store);
            show(side, round, accuracy, data, DemoCaption.of(round, round == 0 ? List.of() : store.roundTable().selections(round - 1),
                    store.labelLog().current(), data));
        }, t, p), () -> "Done: rounds 0–" + last + " for both sides in " + EtaText.duration((System.nanoTime() - started) / 1e9)
                + " (results: " + race.output().resolve("results.csv") + ").");
    }

    /**
     * Replays the race's two runs from a recorded {@code alor experiment} folder round by round, {@code pauseMillis}
     * apart, labelled as a replay on screen (for machines too slow to race live).
     */
    public void replay(Path experiment, long pauseMillis, Progress progress, CancellationToken cancel) throws Exception {
        perform("Replay of a recorded experiment: " + experiment.toAbsolutePath().normalize(), "Opening the recording…",
                progress, cancel, (t, p) -> new DemoReplay(experiment).play(this::show, pauseMillis, t, p),
                () -> "Replay done: " + experiment.toAbsolutePath().normalize());
    }

    /** The job of {@link #play} or {@link #replay}: given a token and a progress sink that also updates the status. */
    private interface Performance {
        void perform(CancellationToken token, Progress progress) throws Exception;
    }

    private void perform(String replayLabel, String starting, Progress progress, CancellationToken cancel,
                         Performance performance, java.util.function.Supplier<String> done) throws Exception {
        // the task's cancel reaches the trainer through the token itself, within one training step
        CancellationToken t = CancellationToken.following(cancel::isCancelled);
        token = t;
        fx.execute(() -> {
            alor.clear();
            baseline.clear();
            alorClasses.set(null);
            baselineClasses.set(null);
            alorCaption.set("");
            baselineCaption.set("");
            replay.set(replayLabel);
            running.set(true);
            status.set(starting);
        });
        try {
            performance.perform(t, new Progress() {
                @Override
                public void phase(Phase phase, long done, long total, String message) {
                    progress.phase(phase, done, total, message);
                    fx.execute(() -> status.set(message));
                }

                @Override
                public void notice(String message) {
                    progress.notice(message);
                    fx.execute(() -> status.set(message));
                }
            });
            String finished = done.get();
            fx.execute(() -> status.set(finished));
        } catch (CancellationException e) {
            fx.execute(() -> status.set("Cancelled."));
        } finally {
            fx.execute(() -> running.set(false));
        }
    }

    /** A finished round of one side: its point on the curve, its heat map and its caption. */
    private void show(DemoRace.Side side, int round, double accuracy, ChartData data, String caption) {
        fx.execute(() -> {
            boolean isAlor = side.equals(DemoRace.ALOR);
            if (!Double.isNaN(accuracy)) (isAlor ? alor : baseline).addOrUpdate(round, 100 * accuracy);
            (isAlor ? alorClasses : baselineClasses).set(data);
            (isAlor ? alorCaption : baselineCaption).set(caption);
        });
    }

    public void cancel() {
        CancellationToken t = token;
        if (t != null) t.cancel();
    }

    /** Empty while racing live; "Replay of a recorded experiment: DIR" while replaying one. */
    public StringProperty replayProperty() {
        return replay;
    }

    /** What the side's last round changed, in one line (see {@link DemoCaption}). */
    public StringProperty alorCaptionProperty() {
        return alorCaption;
    }

    public StringProperty baselineCaptionProperty() {
        return baselineCaption;
    }

    public IntegerProperty lastRoundProperty() {
        return lastRound;
    }

    /** Training epochs of each round on both sides of a live race. */
    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public XYSeriesCollection curves() {
        return curves;
    }

    XYSeries series(DemoRace.Side side) {
        return side.equals(DemoRace.ALOR) ? alor : baseline;
    }

    public ObjectProperty<ChartData> alorClassesProperty() {
        return alorClasses;
    }

    public ObjectProperty<ChartData> baselineClassesProperty() {
        return baselineClasses;
    }
}
