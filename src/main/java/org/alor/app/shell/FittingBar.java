package org.alor.app.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The status bar's row: items keep their full size, and when they do not all fit, the least important ones are left out
 * instead of being cut to "C…" or "Memor…" (issue 17 item 8). Items stay in the order they were added.
 */
final class FittingBar extends HBox {
    private record Item(Node node, int priority, ObservableBooleanValue wanted) {
    }

    private final List<Item> items = new ArrayList<>();

    FittingBar(double spacing) {
        super(spacing);
    }

    /** Adds {@code node}; a lower {@code priority} is more important and gives way last. */
    void add(Node node, int priority) {
        add(node, priority, null);
    }

    /** As {@link #add(Node, int)}, shown only while {@code wanted} is true. */
    void add(Node node, int priority, ObservableBooleanValue wanted) {
        items.add(new Item(node, priority, wanted));
        getChildren().add(node);
        if (wanted != null) wanted.addListener((o, a, b) -> requestLayout());
    }

    @Override
    protected void layoutChildren() {
        double available = getWidth() - snappedLeftInset() - snappedRightInset();
        double used = 0;
        List<Item> byImportance = new ArrayList<>(items);
        byImportance.sort(Comparator.comparingInt(Item::priority));
        for (Item i : byImportance) {
            boolean show = i.wanted() == null || i.wanted().get();
            if (show) {
                double w = i.node().prefWidth(-1) + (used > 0 ? getSpacing() : 0);
                show = used == 0 || used + w <= available; // the most important item shows even when it must shrink
                if (show) used += w;
            }
            if (i.node().isManaged() != show) i.node().setManaged(show);
            if (i.node().isVisible() != show) i.node().setVisible(show);
        }
        super.layoutChildren();
    }
}
