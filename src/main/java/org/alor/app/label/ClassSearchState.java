package org.alor.app.label;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The class search of the labeling screen: whether it is open, the query, the hits (ranked with the
 * current image's predictions) and the highlighted one. Assigning the hit is the view model's job.
 */
final class ClassSearchState {
    private final LabelingSession session;
    private final ReadOnlyObjectProperty<QueueItem> currentItem;
    private final ClassSearch search;
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<ClassSearch.ClassMatch> results = FXCollections.observableArrayList();
    private final IntegerProperty index = new SimpleIntegerProperty(0);

    ClassSearchState(LabelingSession session, ReadOnlyObjectProperty<QueueItem> currentItem) {
        this.session = session;
        this.currentItem = currentItem;
        this.search = new ClassSearch(session.classes());
        query.addListener((obs, o, q) -> refresh());
    }

    void open(String initial) {
        open.set(true);
        query.set(initial == null ? "" : initial);
        refresh();
    }

    void close() {
        open.set(false);
        query.set("");
        results.clear();
    }

    void up() {
        index.set(Math.max(0, index.get() - 1));
    }

    void down() {
        index.set(Math.min(Math.max(0, results.size() - 1), index.get() + 1));
    }

    /** The class of the highlighted hit, if there is any hit. */
    Optional<Integer> highlightedClass() {
        if (results.isEmpty()) return Optional.empty();
        int i = Math.min(index.get(), results.size() - 1);
        return Optional.of(results.get(i).classId());
    }

    private void refresh() {
        if (!open.get()) return;
        Map<Integer, Double> probs = new HashMap<>();
        QueueItem item = currentItem.get();
        if (item != null) {
            for (PredictionSource.ClassProbability p : session.predictions().getOrDefault(item.sampleId(), List.of())) {
                probs.put(p.classId(), p.probability());
            }
        }
        results.setAll(search.search(query.get(), probs, session.classes().size()));
        index.set(0);
    }

    BooleanProperty openProperty() {
        return open;
    }

    StringProperty queryProperty() {
        return query;
    }

    ObservableList<ClassSearch.ClassMatch> results() {
        return results;
    }

    IntegerProperty indexProperty() {
        return index;
    }
}
