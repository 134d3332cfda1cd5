package org.alor.app;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.alor.data.Split;
import org.alor.store.MetricRow;
import org.alor.store.RoundRecord;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/** Runs: the round form (when a {@link RoundRunner} is wired) and the round history from the store. */
final class RunsView {
    private final VBox root = new VBox(14);

    record RoundRow(int index, String method, String strategy, int budget, String status, String testAccuracy, String macroF1) {
    }

    RunsView(ShellViewModel model, OpenProject project) {
        root.setPadding(Views.pagePadding());
        root.getChildren().add(Views.title("Runs"));
        if (model.services().rounds().isEmpty()) {
            root.getChildren().add(Views.muted("The round engine is not part of this build yet; the history below is read from the store."));
        } else {
            ComboBox<String> method = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("CT", "LP", "FT", "PT", "ZS"));
            method.setValue("CT");
            ComboBox<String> strategy = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("TFS", "Random", "Entropy", "Margin"));
            strategy.setValue("TFS");
            Spinner<Integer> budget = new Spinner<>(1, 100000, Math.max(1, project.overview().classes().size()));
            Spinner<Integer> epochs = new Spinner<>(1, 1000, 10);
            Spinner<Integer> batch = new Spinner<>(1, 4096, model.preferences().batchSize());
            ComboBox<String> precision = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("fp32", "fp16", "bf16"));
            precision.setValue("fp32");
            GridPane form = new GridPane();
            form.setHgap(10);
            form.setVgap(8);
            String[] labels = {"Method", "Strategy", "Budget", "Epochs", "Batch", "Precision"};
            javafx.scene.Node[] fields = {method, strategy, budget, epochs, batch, precision};
            for (int i = 0; i < labels.length; i++) form.addRow(i, new Label(labels[i]), fields[i]);
            Button start = new Button("Start round", Views.icon("mdi2p-play", 16));
            start.setId("start-round");
            start.disableProperty().bind(model.jobRunningProperty());
            start.setOnAction(e -> {
                RoundRunner.RoundRequest req = new RoundRunner.RoundRequest(method.getValue(), strategy.getValue(),
                        budget.getValue(), epochs.getValue(), batch.getValue(), precision.getValue());
                Task<Integer> t = new TaskJob<>("Round", p -> model.services().rounds().get().runRound(project.store(), req, p));
                t.setOnSucceeded(ev -> model.refreshOverview());
                model.runJob(t);
            });
            root.getChildren().addAll(form, start);
        }
        TableView<RoundRow> table = new TableView<>();
        table.setId("round-table");
        table.setPlaceholder(new Label("No rounds yet."));
        table.getColumns().add(col("Round", RoundRow::index));
        table.getColumns().add(col("Method", RoundRow::method));
        table.getColumns().add(col("Strategy", RoundRow::strategy));
        table.getColumns().add(col("Budget", RoundRow::budget));
        table.getColumns().add(col("Status", RoundRow::status));
        table.getColumns().add(col("Test acc.", RoundRow::testAccuracy));
        table.getColumns().add(col("Macro-F1", RoundRow::macroF1));
        Task<java.util.List<RoundRow>> load = new TaskJob<>("Reading rounds", p -> {
            SortedMap<Integer, MetricRow> test = project.store().overallMetrics(Split.TEST);
            java.util.List<RoundRow> rows = new java.util.ArrayList<>();
            for (RoundRecord r : project.store().rounds()) rows.add(row(r, test));
            return rows;
        });
        load.setOnSucceeded(e -> table.getItems().setAll(load.getValue()));
        load.setOnFailed(e -> model.report("Reading rounds failed", load.getException()));
        model.jobs().submit(load);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        root.getChildren().add(table);
    }

    private static RoundRow row(RoundRecord r, Map<Integer, MetricRow> test) {
        MetricRow m = test.get(r.index());
        return new RoundRow(r.index(), r.method(), r.strategy(), r.budget(), r.status().name().toLowerCase(Locale.ROOT),
                m == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * m.accuracy()),
                m == null || m.macroF1() == null ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * m.macroF1()));
    }

    private static <T> TableColumn<RoundRow, T> col(String title, Function<RoundRow, T> f) {
        TableColumn<RoundRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(100);
        return c;
    }

    Parent root() {
        return root;
    }
}
