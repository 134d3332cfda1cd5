package org.alor.app.label;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last few decisions, newest first, as shown in the side panel. */
final class RecentActions {
    private static final int SHOWN = 6;
    private final Deque<String> marks = new ArrayDeque<>();
    private final ObservableList<String> list = FXCollections.observableArrayList();

    void add(String mark) {
        marks.addFirst(mark);
        while (marks.size() > SHOWN) marks.removeLast();
        list.setAll(marks);
    }

    ObservableList<String> list() {
        return list;
    }
}
