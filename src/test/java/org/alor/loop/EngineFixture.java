package org.alor.loop;

import org.alor.data.Split;
import org.alor.store.LabelState;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.alor.store.Selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds engines on {@link SyntheticWorld} projects and snapshots their final state for comparisons. */
final class EngineFixture {
    static final SyntheticWorld WORLD = new SyntheticWorld();

    static {
        TestSelectors.registerAll();
    }

    private EngineFixture() {
    }

    static RunConfig config(String method, String strategy, long seed) {
        return RunConfig.defaults(method, strategy).withSeed(seed).withEpochs(8).withBatchSize(16);
    }

    static RoundEngine engine(ProjectStore store, RunConfig config, Labeler labeler) {
        return new RoundEngine(store, config, WORLD.featureSource(store), WORLD.textEncoder(),
                Selectors.byName(config.strategy()), labeler);
    }

    static RoundEngine oracleEngine(ProjectStore store, RunConfig config) {
        return engine(store, config, new OracleLabeler());
    }

    /** Everything a run decides: labels, selections, metrics and statuses (no timestamps). */
    record State(Map<Long, Integer> labels, Map<Integer, List<Selection>> selections,
                 Map<Integer, List<MetricRow>> metrics, List<RoundStatus> statuses) {
    }

    static State state(ProjectStore store) {
        Map<Long, Integer> labels = new TreeMap<>();
        for (Map.Entry<Long, LabelState> e : store.labelLog().current().entrySet()) labels.put(e.getKey(), e.getValue().classId());
        Map<Integer, List<Selection>> selections = new TreeMap<>();
        Map<Integer, List<MetricRow>> metrics = new TreeMap<>();
        List<RoundStatus> statuses = new ArrayList<>();
        for (RoundRecord r : store.roundTable().all()) {
            selections.put(r.index(), store.roundTable().selections(r.index()));
            metrics.put(r.index(), store.roundTable().metrics(r.index()));
            statuses.add(r.status());
        }
        return new State(labels, selections, metrics, statuses);
    }

    static MetricRow testAccuracy(ProjectStore store, int round) {
        return store.roundTable().overallMetrics(Split.TEST).get(round);
    }
}
