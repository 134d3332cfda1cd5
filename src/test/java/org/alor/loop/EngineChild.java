package org.alor.loop;

import org.alor.job.Phase;
import org.alor.store.ProjectStore;

import java.nio.file.Path;

/**
 * Child JVM for the kill test: runs rounds 0..{@code last} on a synthetic project and, once round {@code pause}'s
 * selection is committed, prints {@code SELECTION_SAVED} and sleeps so the parent can kill it right there
 * (between "selection saved" and "labels saved").
 */
public final class EngineChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int last = Integer.parseInt(args[1]);
        int pause = Integer.parseInt(args[2]);
        try (ProjectStore store = ProjectStore.open(dir)) {
            int[] round = {-1};
            RoundEngine engine = EngineFixture.oracleEngine(store, EngineFixture.config("lp", "tfs", 777))
                    .withProgress((PhaseProgress) (phase, done, total, message) -> {
                        if (phase == Phase.ROUND) round[0] = (int) done;
                        if (phase == Phase.SELECTING && message.equals("selection saved") && round[0] == pause) {
                            System.out.println("SELECTION_SAVED");
                            System.out.flush();
                            try {
                                Thread.sleep(120_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
            engine.runThrough(last);
        }
        System.out.println("FINISHED");
    }
}
