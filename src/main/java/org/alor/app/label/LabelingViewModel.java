package org.alor.app.label;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.alor.data.ClassInfo;
import org.alor.store.LabelKind;
import org.alor.store.LabelState;
import org.alor.store.ProjectStore;
import org.alor.store.Selection;
import org.alor.store.StoredSample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The labeling screen's state and logic: the queue of a round's picked images, the current image with
 * why it was picked, the model's suggestions, the class search, progress and undo. Every decision is
 * written to the store at once as a label event, through {@code writer} (a serial background executor in
 * the app, the calling thread in tests), so the JavaFX thread never waits on the disk.
 */
public final class LabelingViewModel {
    private final ProjectStore store;
    private final LabelingSession session;
    private final String who;
    private final Executor writer;
    private final Consumer<Throwable> writeFailed;
    private final LabelQueue queue;
    private final ClassSearch search;
    private final Map<Integer, ClassInfo> classes = new HashMap<>();
    private final KeyboardMapping keys = new KeyboardMapping();

    private final ObjectProperty<QueueItem> currentItem = new SimpleObjectProperty<>();
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<LabelQueue.Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final StringProperty header = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty provenance = new SimpleStringProperty("");
    private final StringProperty currentLabel = new SimpleStringProperty("");
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final BooleanProperty review = new SimpleBooleanProperty(false);
    private final BooleanProperty grid = new SimpleBooleanProperty(false);
    private final BooleanProperty searchOpen = new SimpleBooleanProperty(false);
    private final StringProperty searchQuery = new SimpleStringProperty("");
    private final ObservableList<ClassSearch.ClassMatch> searchResults = FXCollections.observableArrayList();
    private final IntegerProperty searchIndex = new SimpleIntegerProperty(0);
    private final Deque<String> recentMarks = new ArrayDeque<>();
    private final javafx.collections.ObservableSet<QueueItem> gridSelection = FXCollections.observableSet(new java.util.LinkedHashSet<>());

    public LabelingViewModel(ProjectStore store, LabelingSession session, String who, Executor writer,
                             Consumer<Throwable> writeFailed) {
        this.store = store;
        this.session = session;
        this.who = who;
        this.writer = writer;
        this.writeFailed = writeFailed;
        for (ClassInfo c : session.classes()) classes.put(c.id(), c);
        this.search = new ClassSearch(session.classes());
        this.queue = new LabelQueue(session.items(), item -> initial(item, session.states().get(item.sampleId())));
        searchQuery.addListener((obs, o, q) -> refreshSearch());
        refresh();
    }

    private static LabelQueue.Entry initial(QueueItem item, LabelState state) {
        if (state == null) return LabelQueue.entry(item, ItemStatus.PENDING, null);
        if (state.kind() == LabelKind.LABEL) return LabelQueue.entry(item, ItemStatus.LABELED, state.classId());
        if (state.kind() == LabelKind.UNSURE) return LabelQueue.entry(item, ItemStatus.UNSURE, null);
        return LabelQueue.entry(item, ItemStatus.SKIPPED, null);
    }

    // ---- keyboard ---------------------------------------------------------------------------------

    /** Handles a key press; true when it was a labeling command (the view then consumes the event). */
    public boolean onKey(KeyStroke k) {
        return keys.map(k, searchOpen.get()).map(c -> {
            handle(c);
            return true;
        }).orElse(false);
    }

    public void handle(LabelCommand c) {
        switch (c.kind()) {
            case ACCEPT -> accept(c.index());
            case CONFIRM -> {
                if (searchOpen.get()) confirmSearch();
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
            case SEARCH_UP -> searchIndex.set(Math.max(0, searchIndex.get() - 1));
            case SEARCH_DOWN -> searchIndex.set(Math.min(Math.max(0, searchResults.size() - 1), searchIndex.get() + 1));
            case TOGGLE_GRID -> {
                grid.set(!grid.get());
                gridSelection.clear();
            }
        }
    }

    // ---- actions ----------------------------------------------------------------------------------

    /** Gives the current image the class of suggestion {@code rank} (1-based); ignored when there is none. */
    public void accept(int rank) {
        if (rank < 1 || rank > suggestions.size()) return;
        label(suggestions.get(rank - 1).classId());
    }

    public void label(int classId) {
        if (grid.get() && !gridSelection.isEmpty()) {
            labelSelected(classId);
            return;
        }
        LabelQueue.Entry e = queue.current();
        if (e == null || !classes.containsKey(classId)) return;
        long sample = e.item().sampleId();
        queue.label(classId);
        write(() -> store.labelLog().label(sample, classId, who, round()));
        mark("✓ " + classes.get(classId).name());
        closeSearch();
        refresh();
    }

    /** Grid mode: gives every selected image the class (one undoable event each). */
    private void labelSelected(int classId) {
        if (!classes.containsKey(classId)) return;
        for (QueueItem item : List.copyOf(gridSelection)) {
            queue.moveTo(item);
            long sample = item.sampleId();
            queue.label(classId);
            write(() -> store.labelLog().label(sample, classId, who, round()));
        }
        mark("✓ " + gridSelection.size() + " × " + classes.get(classId).name());
        gridSelection.clear();
        closeSearch();
        refresh();
    }

    /**
     * Grid mode selection: a plain click selects one image, {@code extend} (Ctrl) toggles it, {@code range}
     * (Shift) adds every image between the current one and this one. The current image follows the click so
     * the suggestions are that image's.
     */
    public void select(QueueItem item, boolean extend, boolean range) {
        List<LabelQueue.Entry> list = queue.entries();
        if (range && currentItem.get() != null) {
            int a = indexOf(list, currentItem.get());
            int b = indexOf(list, item);
            for (int i = Math.min(a, b); i <= Math.max(a, b); i++) gridSelection.add(list.get(i).item());
        } else if (extend) {
            if (!gridSelection.remove(item)) gridSelection.add(item);
        } else {
            gridSelection.clear();
            gridSelection.add(item);
        }
        moveTo(item);
    }

    private static int indexOf(List<LabelQueue.Entry> list, QueueItem item) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).item().equals(item)) return i;
        return -1;
    }

    public javafx.collections.ObservableSet<QueueItem> gridSelection() {
        return gridSelection;
    }

    public void unsure() {
        LabelQueue.Entry e = queue.current();
        if (e == null) return;
        long sample = e.item().sampleId();
        queue.unsure();
        write(() -> store.labelLog().markUnsure(sample, who, round()));
        mark("? unsure");
        refresh();
    }

    public void skip() {
        LabelQueue.Entry e = queue.current();
        if (e == null) return;
        long sample = e.item().sampleId();
        queue.skip();
        write(() -> store.labelLog().markSkip(sample, who, round()));
        mark("» skipped");
        refresh();
    }

    public void undo() {
        if (!queue.undo()) return;
        write(() -> store.labelLog().undoLast(who));
        mark("↶ undo");
        closeSearch();
        refresh();
    }

    public void redo() {
        if (!queue.redo()) return;
        write(() -> store.labelLog().redoLast(who));
        mark("↷ redo");
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

    // ---- class search -----------------------------------------------------------------------------

    public void openSearch(String initial) {
        searchOpen.set(true);
        searchQuery.set(initial == null ? "" : initial);
        refreshSearch();
    }

    public void closeSearch() {
        searchOpen.set(false);
        searchQuery.set("");
        searchResults.clear();
    }

    /** Assigns the highlighted search hit. */
    public void confirmSearch() {
        if (searchResults.isEmpty()) return;
        int i = Math.min(searchIndex.get(), searchResults.size() - 1);
        label(searchResults.get(i).classId());
    }

    private void refreshSearch() {
        if (!searchOpen.get()) return;
        Map<Integer, Double> probs = new HashMap<>();
        QueueItem item = currentItem.get();
        if (item != null) {
            for (PredictionSource.ClassProbability p : session.predictions().getOrDefault(item.sampleId(), List.of())) {
                probs.put(p.classId(), p.probability());
            }
        }
        searchResults.setAll(search.search(searchQuery.get(), probs, 50));
        searchIndex.set(0);
    }

    // ---- state ------------------------------------------------------------------------------------

    private void refresh() {
        LabelQueue.Entry e = queue.current();
        QueueItem item = e == null ? null : e.item();
        currentItem.set(item);
        finished.set(e == null);
        entries.setAll(queue.entries());
        suggestions.setAll(item == null ? List.of() : suggestionsFor(item));
        reason.set(item == null ? "" : reasonText(item.selection()));
        provenance.set(item == null ? "" : provenanceText(item));
        currentLabel.set(e == null ? "" : statusText(e));
        int labeled = queue.count(ItemStatus.LABELED);
        progress.set(labeled + " / " + queue.size() + " this round");
        header.set(String.format(Locale.ROOT, "Round %d · %s · %d / %d labeled%s%s", session.round().index(),
                session.round().strategy(), labeled, queue.size(),
                queue.count(ItemStatus.UNSURE) > 0 ? " · " + queue.count(ItemStatus.UNSURE) + " unsure" : "",
                review.get() ? " · reviewing unsure" : ""));
    }

    private String statusText(LabelQueue.Entry e) {
        return switch (e.status()) {
            case LABELED -> "Labeled " + className(e.classId()) + " — press a key to correct";
            case UNSURE -> "Marked unsure";
            case SKIPPED -> "Skipped earlier";
            case PENDING -> "";
        };
    }

    List<Suggestion> suggestionsFor(QueueItem item) {
        List<Suggestion> out = new ArrayList<>();
        for (PredictionSource.ClassProbability p : session.predictions().getOrDefault(item.sampleId(), List.of())) {
            if (out.size() == LabelingSession.TOP_K) break;
            ClassInfo c = classes.get(p.classId());
            if (c != null) out.add(suggestion(out.size() + 1, c, p.probability()));
        }
        Integer picked = item.selection().pickedForClass();
        if (out.isEmpty() && picked != null && classes.containsKey(picked)) out.add(suggestion(1, classes.get(picked), null));
        return out;
    }

    private Suggestion suggestion(int rank, ClassInfo c, Double p) {
        return new Suggestion(rank, c.id(), c.name(), c.mostCommonName(), p, session.references().getOrDefault(c.id(), List.of()));
    }

    /** The strategy's reason, or one built from the class it was picked for and its score. */
    String reasonText(Selection s) {
        StringBuilder sb = new StringBuilder();
        if (s.reason() != null && !s.reason().isBlank()) sb.append(s.reason());
        else {
            sb.append("Picked by ").append(session.round().strategy());
            if (s.pickedForClass() != null) sb.append(" for ").append(className(s.pickedForClass()));
            if (s.score() != null) sb.append(String.format(Locale.ROOT, "; score %.2f", s.score()));
        }
        sb.append("\nPick ").append(s.rank() + 1).append(" of ").append(queue.size());
        return sb.toString();
    }

    static String provenanceText(QueueItem item) {
        StoredSample s = item.sample();
        StringBuilder sb = new StringBuilder();
        sb.append(s.split().key()).append('/').append(s.path()).append('\n');
        sb.append(s.width()).append('×').append(s.height());
        try {
            if (Files.isRegularFile(item.file())) {
                sb.append(String.format(Locale.ROOT, ", %.1f kB", Files.size(item.file()) / 1024.0));
            } else {
                sb.append("\n⚠ file missing: ").append(item.file());
            }
        } catch (java.io.IOException e) {
            sb.append("\n⚠ cannot read ").append(item.file());
        }
        if (s.provenanceJson() != null) sb.append('\n').append(s.provenanceJson());
        return sb.toString();
    }

    private String className(Integer id) {
        ClassInfo c = id == null ? null : classes.get(id);
        return c == null ? "class " + id : c.mostCommonName().equals(c.name()) ? c.name() : c.name() + " (" + c.mostCommonName() + ")";
    }

    private void mark(String m) {
        recentMarks.addFirst(m);
        while (recentMarks.size() > 6) recentMarks.removeLast();
        recent.setAll(recentMarks);
    }

    private Integer round() {
        return session.round().index();
    }

    private void write(Runnable r) {
        writer.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException ex) {
                writeFailed.accept(ex);
            }
        });
    }

    /** The images to decode ahead of the current one. */
    public List<Path> prefetch(int n) {
        List<Path> out = new ArrayList<>();
        for (QueueItem i : queue.upcoming(n)) out.add(i.file());
        return out;
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
        return recent;
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

    public StringProperty currentLabelProperty() {
        return currentLabel;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }

    public BooleanProperty reviewProperty() {
        return review;
    }

    public BooleanProperty gridProperty() {
        return grid;
    }

    public BooleanProperty searchOpenProperty() {
        return searchOpen;
    }

    public StringProperty searchQueryProperty() {
        return searchQuery;
    }

    public ObservableList<ClassSearch.ClassMatch> searchResults() {
        return searchResults;
    }

    public IntegerProperty searchIndexProperty() {
        return searchIndex;
    }

    public String className(int id) {
        return className(Integer.valueOf(id));
    }
}
