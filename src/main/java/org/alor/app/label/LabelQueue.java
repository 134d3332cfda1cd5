package org.alor.app.label;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The order in which a round's images are labeled, with undo and redo. Items start in pick order;
 * labeling or marking unsure moves on to the next open item; a skipped item goes to the end of the queue
 * and comes back after the others. In review mode only unsure items are visited. No I/O: the view model
 * writes the matching label events.
 */
public final class LabelQueue {
    /** An item with its status; {@code classId} only when labeled. */
    public static final class Entry {
        private final QueueItem item;
        private ItemStatus status;
        private Integer classId;

        Entry(QueueItem item, ItemStatus status, Integer classId) {
            this.item = item;
            this.status = status;
            this.classId = classId;
        }

        public QueueItem item() {
            return item;
        }

        public ItemStatus status() {
            return status;
        }

        public Integer classId() {
            return classId;
        }
    }

    /** A done action: enough to revert it (undo) and to apply it again (redo). */
    private record Action(Entry entry, ItemStatus newStatus, Integer newClass, ItemStatus oldStatus, Integer oldClass,
                          int oldIndex, int newIndex, int oldCurrent) {
    }

    private final List<Entry> order = new ArrayList<>();
    private final Deque<Action> undo = new ArrayDeque<>();
    private final Deque<Action> redo = new ArrayDeque<>();
    private int current = -1;
    private boolean review;

    /** Items in pick order with their stored status; items skipped earlier start at the end. */
    public LabelQueue(List<QueueItem> items, java.util.function.Function<QueueItem, Entry> initial) {
        List<Entry> skipped = new ArrayList<>();
        for (QueueItem item : items) {
            Entry e = initial.apply(item);
            if (e.status == ItemStatus.SKIPPED) skipped.add(e);
            else order.add(e);
        }
        order.addAll(skipped);
        current = firstOpen(0);
    }

    public static Entry entry(QueueItem item, ItemStatus status, Integer classId) {
        return new Entry(item, status, classId);
    }

    public static LabelQueue fresh(List<QueueItem> items) {
        return new LabelQueue(items, i -> new Entry(i, ItemStatus.PENDING, null));
    }

    // ---- actions on the current item ----------------------------------------------------------------

    /** Labels the current item; false when there is none. */
    public boolean label(int classId) {
        return apply(ItemStatus.LABELED, classId, true);
    }

    public boolean unsure() {
        return apply(ItemStatus.UNSURE, null, true);
    }

    public boolean skip() {
        return apply(ItemStatus.SKIPPED, null, true);
    }

    private boolean apply(ItemStatus status, Integer classId, boolean clearRedo) {
        if (current < 0) return false;
        Entry e = order.get(current);
        int oldIndex = current;
        int oldCurrent = current;
        ItemStatus oldStatus = e.status;
        Integer oldClass = e.classId;
        e.status = status;
        e.classId = classId;
        int newIndex = oldIndex;
        if (status == ItemStatus.SKIPPED) {
            order.remove(oldIndex);
            order.add(e);
            newIndex = order.size() - 1;
            current = nextOpen(oldIndex - 1, e);
        } else {
            current = nextOpen(oldIndex, e);
        }
        undo.push(new Action(e, status, classId, oldStatus, oldClass, oldIndex, newIndex, oldCurrent));
        if (clearRedo) redo.clear();
        return true;
    }

    /** Reverts the newest action and returns to its item; false when there is nothing to undo. */
    public boolean undo() {
        if (undo.isEmpty()) return false;
        Action a = undo.pop();
        Entry e = a.entry;
        e.status = a.oldStatus;
        e.classId = a.oldClass;
        if (a.newIndex != a.oldIndex) {
            order.remove(e);
            order.add(a.oldIndex, e);
        }
        current = a.oldIndex;
        redo.push(a);
        return true;
    }

    /** Applies the newest undone action again; false when there is nothing to redo. */
    public boolean redo() {
        if (redo.isEmpty()) return false;
        Action a = redo.pop();
        current = order.indexOf(a.entry);
        return apply(a.newStatus, a.newClass, false);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    // ---- moving -------------------------------------------------------------------------------------

    /** Moves to the next item (any status; in review mode the next unsure one). */
    public void next() {
        int from = current < 0 ? -1 : current;
        for (int i = from + 1; i < order.size(); i++) {
            if (visible(order.get(i))) {
                current = i;
                return;
            }
        }
    }

    public void previous() {
        int from = current < 0 ? order.size() : current;
        for (int i = from - 1; i >= 0; i--) {
            if (visible(order.get(i))) {
                current = i;
                return;
            }
        }
    }

    /** Jumps to an item (e.g. clicked in the film strip), to correct an earlier label. */
    public void moveTo(QueueItem item) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).item.equals(item)) current = i;
        }
    }

    /** In review mode only unsure items are visited. */
    public void setReview(boolean on) {
        review = on;
        current = firstOpen(0);
    }

    public boolean review() {
        return review;
    }

    // ---- reading ------------------------------------------------------------------------------------

    public Entry current() {
        return current < 0 ? null : order.get(current);
    }

    public List<Entry> entries() {
        return List.copyOf(order);
    }

    /** The next {@code n} open items after the current one (what to prefetch). */
    public List<QueueItem> upcoming(int n) {
        List<QueueItem> out = new ArrayList<>();
        Entry cur = current();
        for (int k = 1; k < order.size() && out.size() < n; k++) {
            int i = ((current < 0 ? 0 : current) + k) % order.size();
            Entry e = order.get(i);
            if (e != cur && open(e)) out.add(e.item);
        }
        return out;
    }

    public int count(ItemStatus status) {
        return (int) order.stream().filter(e -> e.status == status).count();
    }

    public int size() {
        return order.size();
    }

    /** True when no item is left to decide (in review mode: no unsure item is left). */
    public boolean finished() {
        return current < 0;
    }

    private boolean open(Entry e) {
        return review ? e.status == ItemStatus.UNSURE : e.status == ItemStatus.PENDING || e.status == ItemStatus.SKIPPED;
    }

    private boolean visible(Entry e) {
        return !review || e.status == ItemStatus.UNSURE;
    }

    private int firstOpen(int from) {
        return find(from, e -> open(e));
    }

    /** The first open item after index {@code after}, wrapping around; the just-handled item counts last. */
    private int nextOpen(int after, Entry handled) {
        int n = order.size();
        for (int k = 1; k <= n; k++) {
            int i = Math.floorMod(after + k, n);
            Entry e = order.get(i);
            if (e != handled && open(e)) return i;
        }
        return open(handled) ? order.indexOf(handled) : -1;
    }

    private int find(int from, Predicate<Entry> p) {
        for (int i = from; i < order.size(); i++) if (p.test(order.get(i))) return i;
        return -1;
    }
}
