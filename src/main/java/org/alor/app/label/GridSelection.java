package org.alor.app.label;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.LinkedHashSet;
import java.util.List;

/** Grid mode: whether it is on, and which images are selected to receive one class together. */
final class GridSelection {
    private final BooleanProperty on = new SimpleBooleanProperty(false);
    private final ObservableSet<QueueItem> selected = FXCollections.observableSet(new LinkedHashSet<>());

    void toggle() {
        on.set(!on.get());
        selected.clear();
    }

    /** Whether a label goes to the selection instead of the current image. */
    boolean labelsSelection() {
        return on.get() && !selected.isEmpty();
    }

    /**
     * A plain click selects one image, {@code extend} (Ctrl) toggles it, {@code range} (Shift) adds every
     * image between {@code current} and this one.
     */
    void select(List<LabelQueue.Entry> list, QueueItem current, QueueItem item, boolean extend, boolean range) {
        if (range && current != null) {
            int a = indexOf(list, current);
            int b = indexOf(list, item);
            for (int i = Math.min(a, b); i <= Math.max(a, b); i++) selected.add(list.get(i).item());
        } else if (extend) {
            if (!selected.remove(item)) selected.add(item);
        } else {
            selected.clear();
            selected.add(item);
        }
    }

    private static int indexOf(List<LabelQueue.Entry> list, QueueItem item) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).item().equals(item)) return i;
        return -1;
    }

    BooleanProperty onProperty() {
        return on;
    }

    ObservableSet<QueueItem> selected() {
        return selected;
    }
}
