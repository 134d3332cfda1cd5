package org.alor.loop;

import org.alor.select.Strategies;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a {@link Selector} by strategy name ("tfs", "entropy", "random", ...). Names registered here win;
 * otherwise the fallback resolves them.
 *
 * <p>Merge point for {@code org.alor.select} (e.g. in a static block here or at CLI/app start-up):
 * <pre>{@code
 * Selectors.setFallback(name -> {
 *     SelectionStrategy s = Strategies.byName(name);          // IllegalArgumentException for unknown names
 *     return in -> s.select(SelectionInput.builder(in.poolProbs(), in.classCounts())
 *                     .poolFeatures(in.poolFeatures()).labeled(in.trainFeatures(), in.trainLabels())
 *                     .classifier(in.classifierWeights(), in.logitScale())   // only when non-null
 *                     .budget(in.budget()).seed(in.seed()).round(in.round()).build())
 *             .picks().stream().map(p -> new PickedItem(p.poolIndex(), p.servedClass(), p.score(), p.reason()))
 *             .toList();
 * });
 * }</pre>
 */
public final class Selectors {
    private static final Map<String, Selector> REGISTERED = new ConcurrentHashMap<>();

    private Selectors() {
    }

    public static void register(String name, Selector selector) {
        REGISTERED.put(key(name), selector);
    }

    /**
     * The selector for {@code name}: one registered explicitly, else the strategy of that name in
     * {@code org.alor.select}; IllegalArgumentException naming it when unknown.
     */
    public static Selector byName(String name) {
        Selector s = REGISTERED.get(key(name));
        return s != null ? s : new StrategySelector(Strategies.byName(key(name)));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
