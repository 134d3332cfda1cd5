package org.alor.app;

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
import org.alor.loop.Method;
import org.alor.loop.ModelBackend;
import java.util.function.Supplier;
import org.alor.store.ProjectStore;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

/**
 * State of the demo page: the two accuracy curves (ALOR vs Random, test accuracy in % per round) and each side's
 * latest per-class data for the heat maps. The race runs on a background thread; every change to this state is
 * posted through {@code fx} (Platform::runLater in the app), so the JavaFX thread only draws.
 */
public final class DemoViewModel {
    public static final int DEFAULT_LAST_ROUND = 4;

    private final Path folder;
    private final Executor fx;
    private final IntegerProperty lastRound = new SimpleIntegerProperty(DEFAULT_LAST_ROUND);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Press Run to play ALOR vs Random on the sample world.");
    private final XYSeries alor = new XYSeries(DemoRace.label(DemoRace.ALOR));
    private final XYSeries random = new XYSeries(DemoRace.label(DemoRace.RANDOM));
    private final XYSeriesCollection curves = new XYSeriesCollection();
    private final ObjectProperty<ChartData> alorClasses = new SimpleObjectProperty<>();
    private final ObjectProperty<ChartData> randomClasses = new SimpleObjectProperty<>();
    private final Supplier<ModelBackend> backends;
    private volatile CancellationToken token;

    /** @param folder where the two demo projects go (under the user data folder in the app) */
    public DemoViewModel(Path folder, Executor fx) {
        this(folder, fx, () -> ModelBackend.Factory.CLIP.open("auto", 0));
    }

    /** @param backends opens the model backend of one race (closed when the race ends) */
    public DemoViewModel(Path folder, Executor fx, Supplier<ModelBackend> backends) {
        this.folder = folder;
        this.fx = fx;
        this.backends = backends;
        curves.addSeries(alor);
        curves.addSeries(random);
    }

    /** The race as a background task for the app's job machinery. */
    Task<Void> task() {
        return new TaskJob<>("ALOR vs Random", p -> {
            play(p);
            return null;
        });
    }

    /** Plays the race on the calling (background) thread; returns normally when cancelled. */
    public void play(JobProgress progress) throws Exception {
        CancellationToken t = new CancellationToken();
        token = t;
        int last = lastRound.get();
        fx.execute(() -> {
            alor.clear();
            random.clear();
            alorClasses.set(null);
            randomClasses.set(null);
            running.set(true);
            status.set("Preparing the two sample worlds…");
        });
        try (ModelBackend backend = backends.get()) {
            new DemoRace(folder, last, Method.LP.key(), Method.LP.defaultEpochs()).run(this::roundDone, t, new JobProgress() {
                @Override
                public void update(String message, double fraction) {
                    progress.update(message, fraction);
                    fx.execute(() -> status.set(message));
                }

                @Override
                public boolean isCancelled() {
                    return t.isCancelled() || progress.isCancelled();
                }
            }, backend);
            fx.execute(() -> status.set("Done: rounds 0–" + last + " for both strategies."));
        } catch (CancellationException e) {
            fx.execute(() -> status.set("Cancelled."));
        } finally {
            fx.execute(() -> running.set(false));
        }
    }

    public void cancel() {
        CancellationToken t = token;
        if (t != null) t.cancel();
    }

    private void roundDone(String strategy, int round, double accuracy, ProjectStore store) {
        ChartData data = ChartData.load(store);
        fx.execute(() -> {
            boolean isAlor = strategy.equals(DemoRace.ALOR);
            if (!Double.isNaN(accuracy)) (isAlor ? alor : random).addOrUpdate(round, 100 * accuracy);
            (isAlor ? alorClasses : randomClasses).set(data);
        });
    }

    public IntegerProperty lastRoundProperty() {
        return lastRound;
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

    public XYSeries series(String strategy) {
        return strategy.equals(DemoRace.ALOR) ? alor : random;
    }

    public ObjectProperty<ChartData> alorClassesProperty() {
        return alorClasses;
    }

    public ObjectProperty<ChartData> randomClassesProperty() {
        return randomClasses;
    }
}
