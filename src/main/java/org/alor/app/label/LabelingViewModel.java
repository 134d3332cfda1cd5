package org.alor.app.label;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.alor.store.ProjectStore;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The labeling screen's state and logic: the queue of a round's picked images and the decisions on them,
 * undo and redo, and what the screen shows about the current image. Every decision is written to the
 * store at once as a label event ({@link LabelEventWriter}); the class search ({@link ClassSearchState}),
 * grid mode ({@link GridSelection}) and the texts ({@link LabelingTexts}) are parts of their own.
 */
public final class LabelingViewModel {
    private final LabelingSession session;
    private final LabelEventWriter events;
    private final LabelQueue queue;
    private final LabelingTexts texts;
    private final KeyboardMapping keys = new KeyboardMapping();
    private final RecentActions recent = new RecentActions();
    private final GridSelection grid = new GridSelection();
    private final ClassSearchState search;

    private final ObjectProperty<QueueItem> currentItem = new SimpleObjectProperty<>();
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<LabelQueue.Entry> entries = FXCollections.observableArrayList();
    private final StringProperty header = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty provenance = new SimpleStringProperty("");
    private final StringProperty filePath = new SimpleStringProperty("");
    private final StringProperty currentLabel = new SimpleStringProperty("");
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final StringProperty completion = new SimpleStringProperty("");
    private final StringProperty nextRound = new SimpleStringProperty("");
    private final BooleanProperty review = new SimpleBooleanProperty(false);
    private final ObjectProperty<Integer> compareClass = new SimpleObjectProperty<>();
    private Consumer<LabelCommand.Kind> zoom = k -> { };

    /** @param writer runs the store writes: a serial background executor in the app, the calling thread in tests */
    public LabelingViewModel(ProjectStore store, LabelingSession session, String who, Executor writer,
                             Consumer<Throwable> writeFailed) {
        this.session = session;
        this.events = new LabelEventWriter(store, who, session.round().index(), writer, writeFailed);
        this.texts = new LabelingTexts(session);
        this.search = new ClassSearchState(session, currentItem);
        this.queue = new LabelQueue(session.items(), session::initialEntry);
        refresh();
    }

    /** {@code r} runs on the writer's thread after each decision is saved. */
    public void onDecisionSaved(Runnable r) {
        events.onSaved(r);
    }

    // ---- keyboard ---------------------------------------------------------------------------------

    /** Handles a key press; true when it was a labeling command (the view then consumes the event). */
    public boolean onKey(KeyStroke k) {
        return keys.map(k, search.openProperty().get(), compareClass.get() != null).map(c -> {
            handle(c);
            return true;
        }).orElse(false);
    }

    public void handle(LabelCommand c) {
        switch (c.kind()) {
            case ACCEPT -> accept(c.index());
            case CONFIRM -> {
                if (compareClass.get() != null) label(compareClass.get());
                else if (search.openProperty().get()) confirmSearch();
                else accept(1);
            }
            case UNSURE -> unsure();
            case SKIP -> skip();
            case UNDO -> undo();
            case REDO -> redo();
            case NEXT -> next();
            case PREV -> previous();
            case OPEN_SEARCH -> openSearch(c.text());
            case CLOSE_SEARCH -> closeSearch();
            case SEARCH_UP -> search.up();
            case SEARCH_DOWN -> search.down();
            case TOGGLE_GRID -> grid.toggle();
            case COMPARE -> search.highlightedClass().ifPresent(this::compare);
            case CLOSE_COMPARE -> closeCompare();
            case ZOOM_IN, ZOOM_OUT, ZOOM_FIT, ZOOM_NATIVE -> zoom.accept(c.kind());
        }
    }

    // ---- actions ----------------------------------------------------------------------------------

    /** Gives the current image the class of suggestion {@code rank} (1-based); ignored when there is none. */
    public void accept(int rank) {
        if (rank < 1 || rank > suggestions.size()) return;
        label(suggestions.get(rank - 1).classId());
    }

    public void label(int classId) {
        if (grid.labelsSelection()) {
            labelSelected(classId);
            return;
        }
        LabelQueue.Entry e = queue.current();
        if (e == null || !texts.knows(classId)) return;
        long sample = e.item().sampleId();
        queue.label(classId);
        events.label(sample, classId);
        recent.add("✓ " + texts.name(classId));
        closeSearch();
        refresh();
    }

    /** Sets the current image beside the examples of {@code classId} (the compare view); labels nothing. */
    public void compare(int classId) {
        if (texts.knows(classId)) compareClass.set(classId);
    }

    /** Back from the compare view to where it was opened (the picker stays open if it was). */
    public void closeCompare() {
        compareClass.set(null);
    }

    /** The compared class, null when not comparing. */
    public ObjectProperty<Integer> compareClassProperty() {
        return compareClass;
    }

    /** The images of a class to compare with (the suggestion cards' references), at most {@link LabelingSession#REFERENCES_PER_CLASS}. */
    public List<Path> references(int classId) {
        return session.references().getOrDefault(classId, List.of());
    }

    /** The image viewer takes the zoom keys (a view concern: how big the image is on screen). */
    public void onZoom(Consumer<LabelCommand.Kind> handler) {
        this.zoom = handler;
    }

    /** Grid mode: gives every selected image the class (one undoable event each). */
    private void labelSelected(int classId) {
        if (!texts.knows(classId)) return;
        ObservableSet<QueueItem> selected = grid.selected();
        for (QueueItem item : List.copyOf(selected)) {
            queue.moveTo(item);
            queue.label(classId);
            events.label(item.sampleId(), classId);
        }
        recent.add("✓ " + selected.size() + " × " + texts.name(classId));
        selected.clear();
        closeSearch();
        refresh();
    }

    /**
     * Grid mode selection (see {@link GridSelection#select}). The current image follows the click so the
     * suggestions are that image's.
     */
    public void select(QueueItem item, boolean extend, boolean range) {
        grid.select(queue.entries(), currentItem.get(), item, extend, range);
        moveTo(item);
    }

    public ObservableSet<QueueItem> gridSelection() {
        return grid.selected();
    }

    public void unsure() {
        LabelQueue.Entry e = queue.current();
        if (e == null) return;
        long sample = e.item().sampleId();
        queue.unsure();
        events.unsure(sample);
        recent.add("? unsure");
        refresh();
    }

    public void skip() {
        LabelQueue.Entry e = queue.current();
        if (e == null) return;
        long sample = e.item().sampleId();
        queue.skip();
        events.skip(sample);
        recent.add("» skipped");
        refresh();
    }

    public void undo() {
        if (!queue.undo()) return;
        events.undo();
        recent.add("↶ undo");
        closeSearch();
        refresh();
    }

    public void redo() {
        if (!queue.redo()) return;
        events.redo();
        recent.add("↷ redo");
        refresh();
    }

    public void next() {
        queue.next();
        refresh();
    }

    public void previous() {
        queue.previous();
        refresh();
    }

    public void moveTo(QueueItem item) {
        queue.moveTo(item);
        refresh();
    }

    public void setReview(boolean on) {
        queue.setReview(on);
        review.set(on);
        refresh();
    }

    public void openSearch(String initial) {
        search.open(initial);
    }

    /** Closes the picker, and the compare view with it. */
    public void closeSearch() {
        compareClass.set(null);
        search.close();
    }

    /** Assigns the highlighted search hit. */
    public void confirmSearch() {
        search.highlightedClass().ifPresent(this::label);
    }

    // ---- state ------------------------------------------------------------------------------------

    private void refresh() {
        if (queue.review() && queue.finished()) {
            // the last unsure image is resolved: go on with the picks still open instead of looking finished
            queue.setReview(false);
            review.set(false);
        }
        LabelQueue.Entry e = queue.current();
        QueueItem item = e == null ? null : e.item();
        currentItem.set(item);
        boolean complete = queue.count(ItemStatus.PENDING) + queue.count(ItemStatus.SKIPPED) == 0;
        finished.set(complete);
        completion.set(complete ? texts.completion(queue) : "");
        nextRound.set("Start round " + (session.round().index() + 1));
        entries.setAll(queue.entries());
        suggestions.setAll(item == null ? List.of() : texts.suggestionsFor(item));
        reason.set(item == null ? "" : texts.reasonText(item.selection(), queue.size()));
        provenance.set(item == null ? "" : LabelingTexts.provenanceText(item));
        filePath.set(item == null ? "" : LabelingTexts.fullPath(item));
        currentLabel.set(e == null ? "" : texts.statusText(e));
        progress.set(queue.count(ItemStatus.LABELED) + " / " + queue.size() + " this round");
        header.set(texts.header(queue, review.get()));
    }

    /** The images to decode ahead of the current one. */
    public List<Path> prefetch(int n) {
        return queue.upcoming(n).stream().map(QueueItem::file).toList();
    }

    // ---- accessors ----------------------------------------------------------------------------------

    public LabelingSession session() {
        return session;
    }

    public LabelQueue queue() {
        return queue;
    }

    public ObjectProperty<QueueItem> currentItemProperty() {
        return currentItem;
    }

    public ObservableList<Suggestion> suggestions() {
        return suggestions;
    }

    public ObservableList<LabelQueue.Entry> entries() {
        return entries;
    }

    public ObservableList<String> recent() {
        return recent.list();
    }

    public StringProperty headerProperty() {
        return header;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty provenanceProperty() {
        return provenance;
    }

    /** The current image's full path, which the screen shows only on request (its folders may name the class). */
    public StringProperty filePathProperty() {
        return filePath;
    }

    public StringProperty currentLabelProperty() {
        return currentLabel;
    }

    /** True when every pick has a decision (a label or unsure); skipped picks are still open. */
    public BooleanProperty finishedProperty() {
        return finished;
    }

    /** "Round 2 complete: every picked image has a decision (5 labeled, 1 unsure)." once finished, else empty. */
    public StringProperty completionProperty() {
        return completion;
    }

    /** The next round's action, "Start round 3". */
    public StringProperty nextRoundProperty() {
        return nextRound;
    }

    public BooleanProperty reviewProperty() {
        return review;
    }

    public BooleanProperty gridProperty() {
        return grid.onProperty();
    }

    public BooleanProperty searchOpenProperty() {
        return search.openProperty();
    }

    public StringProperty searchQueryProperty() {
        return search.queryProperty();
    }

    public ObservableList<ClassSearch.ClassMatch> searchResults() {
        return search.results();
    }

    public IntegerProperty searchIndexProperty() {
        return search.indexProperty();
    }

    public String className(int id) {
        return texts.className(id);
    }
}
