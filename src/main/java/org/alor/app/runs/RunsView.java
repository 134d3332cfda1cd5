package org.alor.app.runs;

import org.alor.app.charts.Charts;
import org.alor.app.common.ChoiceNames;
import org.alor.app.common.OpenProject;
import org.alor.app.common.PageHost;
import org.alor.app.common.TaskJob;
import org.alor.app.common.Views;
import org.alor.app.common.Page;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.alor.data.Split;
import org.alor.loop.Method;
import org.alor.loop.Precision;
import org.alor.loop.Round0Mode;
import org.alor.loop.Project;
import org.alor.loop.RoundEngine;
import org.alor.loop.RoundSpec;
import org.alor.loop.UnfinishedRound;
import org.alor.select.Strategies;
import org.alor.select.TailFirstStrategy;
import org.alor.store.Settings;
import org.alor.store.MetricRow;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Runs: the round form and, while a round runs, a live panel (progress, ETA, the curves the runner
 * reports through {@link org.alor.app.common.LiveProgress}, Cancel); below, the round history from the store.
 */
public final class RunsView {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunsView.class);
    private final PageHost model;
    private final OpenProject project;
    private final RoundRunner rounds;
    private final VBox root = new VBox(14);
    private final TableView<RoundRow> table = new TableView<>();
    private final XYSeriesCollection curves = new XYSeriesCollection();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label message = new Label();
    private final VBox live = new VBox(6);
    private final HBox choice = new HBox(10);
    private final RoundEstimates estimates;
    private final Label estimate = new Label();
    private final Button calibrate = new Button("Estimate time");
    private Task<?> pendingEstimate;
    private boolean calibrating;

    record RoundRow(int index, String method, String strategy, int budget, String status, String testAccuracy, String macroF1) {
    }

    public RunsView(PageHost model, OpenProject project, RoundRunner rounds) {
        this(model, project, rounds, RoundEstimates.engine());
    }

    /** @param estimates where the estimate of the round on the form comes from */
    public RunsView(PageHost model, OpenProject project, RoundRunner rounds, RoundEstimates estimates) {
        this.model = model;
        this.project = project;
        this.rounds = rounds;
        this.estimates = estimates;
        root.setPadding(Views.pagePadding());
        root.setId("runs-view");
        root.getChildren().add(Views.title("Runs"));
        root.getChildren().add(form());
        if (project.overview().rounds() == 0 && project.overview().countsBySplit().getOrDefault(Split.RETRIEVED, 0) == 0) {
            Label hint = Views.muted("No retrieved images yet: round 0 ranks its picks with the zero-shot model. "
                    + "Run Retrieval first to train round 0 on open data.");
            hint.setId("round0-hint");
            hint.setWrapText(true);
            root.getChildren().add(hint);
        }
        table.setId("round-table");
        // the columns share the table's width (demo mode's large font cut fixed 100 px headers to "Test a…")
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No rounds yet."));
        table.getColumns().add(col("Round", RoundRow::index));
        table.getColumns().add(col("Method", RoundRow::method));
        table.getColumns().add(col("Strategy", RoundRow::strategy));
        table.getColumns().add(col("Budget", RoundRow::budget));
        TableColumn<RoundRow, String> status = col("Status", RoundRow::status);
        status.setPrefWidth(280); // "cancelled during training (unfinished)"
        table.getColumns().add(status);
        table.getColumns().add(col("Test acc.", RoundRow::testAccuracy));
        table.getColumns().add(col("Macro-F1", RoundRow::macroF1));
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().add(table);
        loadHistory();
    }

    private Node form() {
        RunsChoices chosen = RunsChoices.read(project.store().settings(), new RunsChoices(Method.CT, TailFirstStrategy.NAME,
                Math.max(1, project.overview().classes().size()), 10, Method.CT.defaultBatchSize(), true));
        ComboBox<Method> method = new ComboBox<>(FXCollections.observableArrayList(methodChoices()));
        method.setValue(chosen.method());
        method.setId("round-method");
        ChoiceCells.explain(method, ChoiceNames::method);
        ComboBox<String> strategy = new ComboBox<>(FXCollections.observableArrayList(strategyChoices()));
        strategy.setValue(chosen.strategy());
        strategy.setId("round-strategy");
        ChoiceCells.explain(strategy, ChoiceNames::strategy);
        Spinner<Integer> budget = Views.integerSpinner(1, 100000, chosen.budget());
        Spinner<Integer> epochs = Views.integerSpinner(1, 1000, chosen.epochs());
        Spinner<Integer> batch = Views.integerSpinner(1, 4096, chosen.batch());
        javafx.scene.control.CheckBox rda = new javafx.scene.control.CheckBox("Train on the retrieved images too (RDA)");
        rda.setId("round-rda");
        rda.setSelected(chosen.rda());
        rda.setTooltip(new javafx.scene.control.Tooltip("RDA — retrieval-based data augmentation: the round trains on the "
                + "retrieved open-data images together with your labels (the paper's setting); off: your labels only"));
        budget.setId("round-budget");
        epochs.setId("round-epochs");
        batch.setId("round-batch");
        ComboBox<Precision> precision = new ComboBox<>(FXCollections.observableArrayList(precisionChoices()));
        Optional<String> noBf16 = Precision.bf16Unavailable(model.preferences().device().name().toLowerCase(Locale.ROOT));
        precision.setCellFactory(list -> new PrecisionCell(noBf16));
        precision.setConverter(new StringConverter<>() {
            @Override
            public String toString(Precision p) {
                return p == null ? "" : p.key();
            }

            @Override
            public Precision fromString(String text) {
                return Precision.parse(text);
            }
        });
        precision.setValue(defaultPrecision(project.store().settings(), noBf16.isEmpty()));
        precision.setId("round-precision");
        // the chosen precision is the project's own (the setting `alor set --precision` writes), kept like the rest
        precision.valueProperty().addListener((o, was, now) -> {
            if (now != null) rememberPrecision(now);
        });
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        String[] labels = {"Method", "Strategy", "Budget", "Epochs", "Batch", "Precision"};
        Node[] fields = {method, strategy, budget, epochs, batch, precision};
        // two label + field columns; the method and strategy notes under their lists (row 1)
        for (int i = 0; i < labels.length; i++) {
            Label l = new Label(labels[i]);
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            if (fields[i] instanceof Spinner<?> sp) sp.setPrefWidth(110);
            int row = i < 2 ? 0 : 1 + i / 2;
            form.add(l, 2 * (i % 2), row);
            form.add(fields[i], 2 * (i % 2) + 1, row);
        }
        form.add(ChoiceCells.note(method, ChoiceNames::method, "round-method-note"), 1, 1);
        form.add(ChoiceCells.note(strategy, ChoiceNames::strategy, "round-strategy-note"), 3, 1);
        form.add(rda, 1, 4, 3, 1);
        // the batch follows the method's recipe (128; PT 32) as in `alor round`, unless a person typed another
        method.valueProperty().addListener((o, was, now) -> {
            if (was != null && now != null && batch.getValue() == was.defaultBatchSize()) {
                batch.getValueFactory().setValue(now.defaultBatchSize());
            }
        });
        Runnable remember = () -> remember(new RunsChoices(method.getValue(), strategy.getValue(), budget.getValue(),
                epochs.getValue(), batch.getValue(), rda.isSelected()));
        for (javafx.beans.value.ObservableValue<?> v : List.of(method.valueProperty(), strategy.valueProperty(),
                budget.valueProperty(), epochs.valueProperty(), batch.valueProperty(), rda.selectedProperty())) {
            v.addListener((o, a, b) -> remember.run());
        }
        Runnable reestimate = () -> refreshEstimate(method.getValue(), epochs.getValue(), batch.getValue(), rda.isSelected(),
                precision.getValue());
        for (javafx.beans.value.ObservableValue<?> v : List.of(method.valueProperty(), epochs.valueProperty(),
                batch.valueProperty(), rda.selectedProperty(), precision.valueProperty())) {
            v.addListener((o, a, b) -> reestimate.run());
        }
        estimate.setId("round-estimate");
        estimate.getStyleClass().add("muted");
        estimate.setWrapText(true);
        calibrate.setId("estimate-calibrate");
        calibrate.setTooltip(new javafx.scene.control.Tooltip("Measures how fast this device encodes and trains with the"
                + " project's CLIP (about " + Math.round(org.alor.loop.estimate.ProjectEstimate.Request.DEFAULT_CALIBRATION_SECONDS)
                + " s, once; kept with the project)"));
        calibrate.managedProperty().bind(calibrate.visibleProperty());
        calibrate.setVisible(false);
        calibrate.disableProperty().bind(model.jobRunningProperty());
        calibrate.setOnAction(e -> calibrateThenEstimate(reestimate));
        reestimate.run();
        Button start = new Button("Start round", Views.icon("mdi2p-play", 16));
        start.setId("start-round");
        start.getStyleClass().add("accent");
        start.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        start.disableProperty().bind(model.jobRunningProperty());

        bar.setId("round-progress");
        bar.setPrefWidth(320);
        message.setId("round-message");
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancelJob());
        cancel.disableProperty().bind(model.jobRunningProperty().not());
        ChartViewer chart = new ChartViewer(liveChart());
        chart.setId("live-curves");
        chart.setPrefHeight(220);
        live.getChildren().setAll(new HBox(10, bar, message, cancel), chart);
        live.setVisible(false);
        live.setManaged(false);

        start.setOnAction(e -> {
            Views.commit(budget);
            Views.commit(epochs);
            Views.commit(batch);
            RoundSpec spec;
            try {
                spec = spec(project.store().settings(), method.getValue(), strategy.getValue(), budget.getValue(),
                        epochs.getValue(), batch.getValue(), precision.getValue(), rda.isSelected());
            } catch (IllegalArgumentException ex) {
                model.report("Cannot start the round", ex);
                return;
            }
            Optional<UnfinishedRound> unfinished = RoundEngine.unfinishedRound(project.store());
            RoundSpec next = rounds.nextRoundSpec(project.store(), spec);
            if (unfinished.isPresent() && !unfinished.get().startedAs(next)) offerChoice(unfinished.get(), spec);
            else run(spec, null);
        });
        model.takeRoundStartRequest().ifPresent(like -> {
            // "Start round N+1" on the Label page: this form, with the labeled round's method and strategy
            presetMethod(like.method()).ifPresent(method::setValue);
            presetStrategy(like.strategy()).ifPresent(strategy::setValue);
            javafx.application.Platform.runLater(start::fire);
        });
        HBox row = new HBox(16, form, start);
        row.setAlignment(Pos.CENTER_LEFT);
        choice.setId("unfinished-choice");
        choice.setAlignment(Pos.CENTER_LEFT);
        choice.setVisible(false);
        choice.managedProperty().bind(choice.visibleProperty());
        Label estimateTitle = new Label("Estimated time of this round:");
        estimateTitle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox estimateRow = new HBox(8, estimateTitle, estimate, calibrate);
        estimateRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, row, estimateRow, choice, live);
        box.setPadding(new Insets(0, 0, 6, 0));
        return box;
    }

    private String device() {
        return model.preferences().device().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The estimate of the round on the form, from the calibration kept with the project, read in the background (a
     * newer choice cancels the older reading); without a calibration, the button that measures this device.
     */
    private void refreshEstimate(Method method, int epochs, int batch, boolean rda, Precision precision) {
        if (calibrating) return; // the calibration's end reads the form's choices as they are then
        if (pendingEstimate != null) pendingEstimate.cancel();
        if (method == null) return;
        estimate.setText("estimating…");
        estimate.setTooltip(null);
        Task<Optional<RoundEstimateText>> t = new TaskJob<>("Estimating the round", p -> estimates
                .cached(project.store(), device())
                .map(r -> RoundEstimateText.of(r, method, epochs, batch, rda, precision)));
        pendingEstimate = t;
        t.setOnSucceeded(e -> {
            if (pendingEstimate != t) return;
            Optional<RoundEstimateText> text = t.getValue();
            calibrate.setVisible(text.isEmpty());
            // the tooltip first: whoever sees the new text sees its explanation too
            text.ifPresent(x -> estimate.setTooltip(new javafx.scene.control.Tooltip(x.details())));
            estimate.setText(text.map(RoundEstimateText::text).orElse("No time estimate yet: this device has not been"
                    + " measured with this project's CLIP."));
        });
        t.setOnFailed(e -> {
            if (pendingEstimate != t) return;
            estimate.setText("No time estimate: " + t.getException().getMessage());
        });
        model.jobs().submit(t);
    }

    /** Measures this device as a cancellable job (it keeps the device busy, so no round starts meanwhile). */
    private void calibrateThenEstimate(Runnable reestimate) {
        if (pendingEstimate != null) pendingEstimate.cancel();
        pendingEstimate = null;
        Task<?> t = new TaskJob<>("Measuring this device for estimates", (p, token) ->
                estimates.calibrate(project.store(), device(), p, token));
        calibrating = true;
        estimate.setText("estimating… (measuring this device, about "
                + Math.round(org.alor.loop.estimate.ProjectEstimate.Request.DEFAULT_CALIBRATION_SECONDS) + " s)");
        calibrate.setVisible(false);
        t.stateProperty().addListener((o, a, s) -> {
            if (s == Worker.State.SUCCEEDED || s == Worker.State.CANCELLED || s == Worker.State.FAILED) calibrating = false;
            if (s == Worker.State.SUCCEEDED) reestimate.run();
            if (s == Worker.State.CANCELLED) {
                estimate.setText("Estimate cancelled.");
                calibrate.setVisible(true);
            }
            if (s == Worker.State.FAILED) {
                estimate.setText("No time estimate: " + t.getException().getMessage());
                calibrate.setVisible(true);
            }
        });
        model.runJob(t);
    }

    /** Keeps the form's choices with the project; a project that cannot be written to simply forgets them. */
    private void rememberPrecision(Precision p) {
        try {
            project.store().settings().set(Precision.SETTING, p.key());
        } catch (RuntimeException e) {
            LOG.warn("Cannot keep the Runs page's precision in {}: {}", project.store().dir(), e.getMessage());
        }
    }

    private void remember(RunsChoices choices) {
        if (choices.method() == null || choices.strategy() == null) return;
        try {
            choices.write(project.store().settings());
        } catch (RuntimeException e) {
            LOG.warn("Cannot keep the Runs page's choices in {}: {}", project.store().dir(), e.getMessage());
        }
    }

    /**
     * The chosen spec differs from the round that stopped before its picks: nothing starts until the person picks
     * resuming that round as it was started or discarding it (its training state, never a label) for the choice.
     */
    private void offerChoice(UnfinishedRound u, RoundSpec chosen) {
        Label what = new Label("Round " + u.index() + " (" + u.method() + " · " + u.strategy() + ") was " + u.describe() + ".");
        what.setWrapText(true);
        Button resume = new Button("Resume " + u.method() + " round " + u.index());
        resume.setId("resume-round");
        resume.setOnAction(e -> run(u.continuing(chosen), null));
        Button discard = new Button("Discard and start " + chosen.method());
        discard.setId("discard-round");
        discard.setOnAction(e -> run(chosen, u.index()));
        resume.disableProperty().bind(model.jobRunningProperty());
        discard.disableProperty().bind(model.jobRunningProperty());
        choice.getChildren().setAll(what, resume, discard);
        choice.setVisible(true);
    }

    /** Runs {@code spec} in the background with the live panel; first discards round {@code discard} when given. */
    private void run(RoundSpec spec, Integer discard) {
        choice.setVisible(false);
        curves.removeAllSeries();
        Task<Integer> t = new TaskJob<>("Round", (p, token) -> {
            Project session = model.session(project.store());
            if (discard != null) {
                p.notice("Discarding the unfinished round " + discard);
                session.discardUnfinishedRound(discard);
            }
            return rounds.runRound(session, spec, p, token);
        }, this::point);
        message.textProperty().unbind();
        bar.progressProperty().bind(t.progressProperty());
        message.textProperty().bind(t.messageProperty());
        t.stateProperty().addListener((o, a, s) -> {
            if (s == Worker.State.SUCCEEDED || s == Worker.State.FAILED || s == Worker.State.CANCELLED) {
                loadHistory();
                model.refreshOverview();
            }
            if (s == Worker.State.SUCCEEDED) showPicks(t.getValue());
            if (s == Worker.State.CANCELLED) {
                message.textProperty().unbind();
                message.setText("Cancelled: the round stays unfinished; Start round offers to resume or discard it.");
            }
        });
        live.setVisible(true);
        live.setManaged(true);
        model.runJob(t);
    }

    /**
     * The method a next round keeps from the round before; none for ZS, which round 0 uses in place of the chosen
     * method when there is nothing to train on yet (the form's own choice then applies).
     */
    static Optional<Method> presetMethod(String stored) {
        try {
            Method m = Method.parse(stored);
            return m == Method.ZS ? Optional.empty() : Optional.of(m);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The form's strategy named {@code stored} (stored names may differ in case), if it offers one. */
    static Optional<String> presetStrategy(String stored) {
        return strategyChoices().stream().filter(n -> n.equalsIgnoreCase(stored)).findFirst();
    }

    /** fp32 and bf16 (fp16 is refused: it needs loss scaling, which is not built). */
    static List<Precision> precisionChoices() {
        return List.of(Precision.FP32, Precision.BF16);
    }

    /** The project's precision setting, else bf16 where the device runs it fast; never bf16 where it does not. */
    static Precision defaultPrecision(Settings settings, boolean bf16Fast) {
        Precision fallback = bf16Fast ? Precision.BF16 : Precision.FP32;
        try {
            return Precision.configured(settings).filter(p -> p == Precision.FP32 || bf16Fast).orElse(fallback);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** A precision choice; bf16 is disabled, with the reason as its tooltip, where the device has no fast bf16. */
    private static final class PrecisionCell extends javafx.scene.control.ListCell<Precision> {
        private final Optional<String> noBf16;

        PrecisionCell(Optional<String> noBf16) {
            this.noBf16 = noBf16;
        }

        @Override
        protected void updateItem(Precision p, boolean empty) {
            super.updateItem(p, empty);
            boolean off = !empty && p == Precision.BF16 && noBf16.isPresent();
            setText(empty || p == null ? null : p.key());
            setDisable(off);
            setTooltip(off ? new javafx.scene.control.Tooltip(noBf16.get()) : null);
        }
    }

    /** The methods the form offers: all of them, from the code. */
    static List<Method> methodChoices() {
        return List.of(Method.values());
    }

    /** The strategies the form offers: the registry's, so a name can never drift from the code. */
    static List<String> strategyChoices() {
        return Strategies.NAMES;
    }

    /** The form's values as the round's spec over the project's settings; a value the round cannot use fails here. */
    static RoundSpec spec(Settings settings, Method method, String strategy, int budget, int epochs, int batch,
                          Precision precision) {
        return spec(settings, method, strategy, budget, epochs, batch, precision, true);
    }

    /** As above, {@code rda} off training on the labeled images only. */
    static RoundSpec spec(Settings settings, Method method, String strategy, int budget, int epochs, int batch,
                          Precision precision, boolean rda) {
        return RoundSpec.builder(method, strategy).optProjectSettings(settings).optBudget(budget).optEpochs(epochs)
                .optBatchSize(batch).optPrecision(precision).optRda(rda).optRound0(Round0Mode.RETRIEVED_ONLY).build();
    }

    /** A round that stopped for labeling goes straight to the Label page with its picks. */
    private void showPicks(Integer round) {
        if (round == null) return;
        project.store().roundTable().byIndex(round).filter(r -> r.status() == org.alor.store.RoundStatus.LABELING)
                .ifPresent(r -> model.pageProperty().set(Page.LABEL));
    }

    private void point(String series, double x, double y) {
        XYSeries s;
        int i = curves.getSeriesIndex(series);
        if (i < 0) {
            s = new XYSeries(series, true, true);
            curves.addSeries(s);
        } else {
            s = curves.getSeries(i);
        }
        s.addOrUpdate(x, y);
    }

    private JFreeChart liveChart() {
        NumberAxis x = new NumberAxis("Epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // epochs 1, 2, 3 — not 0.05 steps
        NumberAxis y = new NumberAxis("");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(curves, x, y, new XYLineAndShapeRenderer(true, false));
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(Charts.GRID);
        plot.setDomainGridlinePaint(Charts.GRID);
        JFreeChart chart = new JFreeChart(null, Charts.FONT, plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        return org.alor.app.common.ChartTheme.active().apply(chart);
    }

    XYSeriesCollection curves() {
        return curves;
    }

    private void loadHistory() {
        boolean jobRunning = model.jobRunningProperty().get();
        Task<java.util.List<RoundRow>> load = new TaskJob<>("Reading rounds", p -> {
            SortedMap<Integer, MetricRow> test = project.store().roundTable().overallMetrics(Split.TEST);
            Optional<UnfinishedRound> unfinished = RoundEngine.unfinishedRound(project.store());
            java.util.List<RoundRow> rows = new java.util.ArrayList<>();
            for (RoundRecord r : project.store().roundTable().all()) {
                rows.add(row(r, test, unfinished.filter(u -> u.index() == r.index()).orElse(null), jobRunning));
            }
            return rows;
        });
        load.setOnSucceeded(e -> table.getItems().setAll(load.getValue()));
        load.setOnFailed(e -> model.report("Reading rounds failed", load.getException()));
        model.jobs().submit(load);
    }

    private static RoundRow row(RoundRecord r, Map<Integer, MetricRow> test, UnfinishedRound unfinished, boolean jobRunning) {
        MetricRow m = test.get(r.index());
        return new RoundRow(r.index(), r.method(), r.strategy(), r.budget(), status(r, unfinished, jobRunning),
                m == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * m.accuracy()),
                m == null || m.macroF1() == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * m.macroF1()));
    }

    /**
     * What the Status column says: a round that stopped before its picks says how ("cancelled during training
     * (unfinished)"), unless a job is running and nothing was noted (then it is the round being run).
     */
    static String status(RoundRecord r, UnfinishedRound unfinished, boolean jobRunning) {
        if (unfinished != null && (unfinished.stop() != UnfinishedRound.Stop.INTERRUPTED || !jobRunning)) {
            return unfinished.describe();
        }
        return r.status() == RoundStatus.LABELING ? "waiting for labels" : r.status().name().toLowerCase(Locale.ROOT);
    }

    private static <T> TableColumn<RoundRow, T> col(String title, Function<RoundRow, T> f) {
        TableColumn<RoundRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(100);
        return c;
    }

    public Parent root() {
        return root;
    }
}
