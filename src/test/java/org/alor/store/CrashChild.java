package org.alor.store;

import org.alor.data.Split;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVM for the crash tests: does some work on a project and announces on stdout when it is in the middle,
 * so the parent can kill it (SIGKILL) exactly there.
 * <ul>
 *   <li>{@code labels <dir> <count>}: one transaction appending {@code count} label events; prints {@code MID}
 *       after a third of them, {@code COMMITTED} after the commit.</li>
 *   <li>{@code features <dir>}: a committed feature put, then a second put that stops between writing its
 *       block and committing its index rows, printing {@code BLOCK_WRITTEN} there.</li>
 * </ul>
 */
public final class CrashChild {
    static final String HASH = "ckpt0123abcd";
    static final String KEY = "clip-224-bicubic-center";
    static final int DIM = 64;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (ProjectStore store = ProjectStore.open(dir)) {
            if (args[0].equals("labels")) labels(store, Integer.parseInt(args[2]));
            else if (args[0].equals("hold")) hold(store);
            else features(store);
        }
    }

    /** Takes the writer lock and keeps it until killed or stdin closes. */
    private static void hold(ProjectStore store) throws java.io.IOException {
        store.lockForWriting();
        announce("LOCKED");
        while (System.in.read() >= 0) {
            // hold
        }
    }

    private static void labels(ProjectStore store, int count) {
        long sampleId = store.sampleTable().bySplit(Split.POOL).get(0).id();
        store.database().inTransaction(c -> {
            // A tiny page cache makes SQLite spill uncommitted pages into the WAL mid-transaction,
            // so the kill really leaves uncommitted frames on disk for recovery to ignore.
            try (var st = c.createStatement()) {
                st.execute("PRAGMA cache_size = 8");
            }
            for (int i = 1; i <= count; i++) {
                store.labelLog().label(sampleId, i % 3, "child", null);
                if (i % 20 == 0) Thread.sleep(1);
                if (i == count / 3) announce("MID");
            }
            return null;
        });
        announce("COMMITTED");
    }

    private static void features(ProjectStore store) throws InterruptedException {
        List<Long> ids = new ArrayList<>();
        for (StoredSample s : store.sampleTable().bySplit(Split.POOL)) ids.add(s.id());
        List<Long> first = ids.subList(0, ids.size() / 2);
        List<Long> second = ids.subList(ids.size() / 2, ids.size());
        store.features().put(HASH, KEY, first, vectors(first));
        store.features().afterBlockWritten(() -> {
            announce("BLOCK_WRITTEN");
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        store.features().put(HASH, KEY, second, vectors(second));
        announce("SHOULD_NOT_GET_HERE");
    }

    /** Deterministic vectors so the parent can check what it reads back. */
    static float[][] vectors(List<Long> ids) {
        float[][] v = new float[ids.size()][DIM];
        for (int i = 0; i < ids.size(); i++) {
            for (int d = 0; d < DIM; d++) v[i][d] = ids.get(i) * 1000f + d;
        }
        return v;
    }

    private static void announce(String marker) {
        System.out.println(marker);
        System.out.flush();
    }
}
