package org.alor.app.charts;

import org.alor.app.common.ImageCache;
import org.alor.app.common.PageHost;
import org.alor.app.common.SampleFiles;
import org.alor.app.common.TaskJob;
import org.alor.app.common.Views;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.alor.data.ClassInfo;
import org.alor.report.ConfusedPair;
import org.alor.report.RoundConfusion;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Confused classes: for a chosen round, the class pairs its val predictions mix up most (true → predicted, images,
 * share of the true class's val images); choosing a pair shows those val images.
 */
final class ConfusionView {
    private static final int PAIRS = 30;
    private final ProjectStore store;
    private final PageHost shell;
    private final Map<Integer, String> classNames;
    private final Map<Integer, String> shortNames;
    private final ImageCache images = new ImageCache(150, 300);
    private final ImageCache enlarged = new ImageCache(420, 20);
    private final BorderPane root = new BorderPane();
    private final ComboBox<Integer> round;
    private final Label summary = Views.muted("");
    private final TableView<ConfusedPair> pairs = new TableView<>();
    private final Label pairTitle = Views.muted("Choose a pair to see its val images.");
    private final FlowPane thumbs = new FlowPane(8, 8);

    ConfusionView(ProjectStore store, PageHost shell, ChartData d) {
        this.store = store;
        this.shell = shell;
        this.classNames = d.classes().stream().collect(Collectors.toMap(ClassInfo::id, ConfusionView::displayName));
        this.shortNames = d.classes().stream().collect(Collectors.toMap(ClassInfo::id, ClassInfo::mostCommonName));
        root.setId("confusion-view");
        round = new ComboBox<>(FXCollections.observableArrayList(d.rounds()));
        round.setId("confusion-round");
        round.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer r) {
                return r == null ? "" : "round " + r;
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        round.valueProperty().addListener((o, a, r) -> load(r));
        summary.setId("confusion-summary");
        HBox top = new HBox(10, new Label("Val predictions of"), round, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 0, 8, 0));
        root.setTop(top);

        pairs.setId("confusion-pairs");
        pairs.setPlaceholder(new Label("No val predictions stored for this round."));
        // the table names classes by their most common name; the pair's title below gives both names
        pairs.getColumns().add(col("True class", p -> shortNames.getOrDefault(p.trueClass(), "class " + p.trueClass()), 210));
        pairs.getColumns().add(col("Predicted as", p -> shortNames.getOrDefault(p.predictedClass(), "class " + p.predictedClass()), 210));
        pairs.getColumns().add(col("Images", ConfusedPair::count, 70));
        pairs.getColumns().add(col("Share", p -> String.format(Locale.ROOT, "%.0f %%", 100 * p.share()), 70));
        pairs.getColumns().get(2).setMinWidth(95); // "Images" whole, demo mode's font too
        pairs.getColumns().get(3).setMinWidth(85);
        pairs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Tooltip.install(pairs, new Tooltip("Share: the pair's images among all val images of the true class"));
        pairs.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> showImages(p));

        thumbs.setId("confusion-images");
        thumbs.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(thumbs);
        scroll.setFitToWidth(true);
        pairTitle.setWrapText(true);
        VBox right = new VBox(6, pairTitle, scroll);
        right.setPadding(new Insets(0, 0, 0, 8));
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(pairs, right);
        split.setDividerPositions(0.58);
        root.setCenter(split);
    }

    Parent root() {
        return root;
    }

    /** Shows round {@code r} when no round is chosen yet (opening the tab). */
    void showIfNone(int r) {
        if (round.getValue() == null) round.setValue(r);
    }

    /** Shows round {@code r}'s confusions (loading them in the background). */
    void show(int r) {
        if (round.getValue() != null && round.getValue() == r) return;
        round.setValue(r);
    }

    private void load(Integer r) {
        pairs.getItems().clear();
        thumbs.getChildren().clear();
        summary.setText("");
        if (r == null) return;
        Task<RoundConfusion> t = new TaskJob<>("Reading round " + r + "'s val predictions", p -> RoundConfusion.read(store, r, PAIRS));
        t.setOnSucceeded(e -> {
            if (!r.equals(round.getValue())) return;
            RoundConfusion c = t.getValue();
            summary.setText(c.images() == 0 ? "no val predictions stored for round " + r
                    : String.format(Locale.ROOT, "%d of %d val images wrong (%.1f %%)", c.wrong(), c.images(),
                    100.0 * c.wrong() / c.images()));
            pairs.getItems().setAll(c.pairs());
        });
        t.setOnFailed(e -> shell.report("Reading the val predictions of round " + r + " failed", t.getException()));
        shell.jobs().submit(t);
    }

    private void showImages(ConfusedPair p) {
        thumbs.getChildren().clear();
        if (p == null) {
            pairTitle.setText("Choose a pair to see its val images.");
            return;
        }
        pairTitle.setText(p.count() + " val image" + (p.count() == 1 ? "" : "s") + " of "
                + classNames.getOrDefault(p.trueClass(), "class " + p.trueClass()) + " predicted as "
                + classNames.getOrDefault(p.predictedClass(), "class " + p.predictedClass()));
        SampleFiles files = SampleFiles.of(store);
        for (long id : p.sampleIds()) {
            store.sampleTable().byId(id).ifPresent(s -> thumbs.getChildren().add(thumb(files.resolve(s), s)));
        }
    }

    private VBox thumb(Path file, StoredSample s) {
        ImageView v = new ImageView(images.get(file));
        v.setFitWidth(150);
        v.setFitHeight(150);
        v.setPreserveRatio(true);
        Label name = Views.muted(file.getFileName().toString());
        name.setMaxWidth(150);
        VBox box = new VBox(4, v, name);
        box.setAlignment(Pos.TOP_CENTER);
        // hovering shows the image larger, decoded only then
        Tooltip tip = new Tooltip(s.path());
        tip.setShowDelay(javafx.util.Duration.millis(250));
        tip.setOnShowing(e -> {
            if (tip.getGraphic() == null) tip.setGraphic(new ImageView(enlarged.get(file)));
        });
        tip.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        Tooltip.install(box, tip);
        return box;
    }

    static String displayName(ClassInfo c) {
        return c.mostCommonName().equals(c.name()) ? c.name() : c.mostCommonName() + " (" + c.name() + ")";
    }

    private static <T> TableColumn<ConfusedPair, T> col(String title, Function<ConfusedPair, T> f, double width) {
        TableColumn<ConfusedPair, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
