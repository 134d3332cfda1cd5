package org.alor.loop;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds a {@link Selector} by strategy name ("tfs", "entropy", "random", ...). Names registered here win;
 * otherwise the fallback resolves them.
 *
 * <p>Merge point for {@code org.alor.select}: install a fallback that wraps
 * {@code Strategies.byName(name)}, mapping {@code Pick(poolIndex, reason, servedClass, score)} to
 * {@link PickedItem} and {@link SelectorInput} to the strategy's {@code SelectionInput}.
 */
public final class Selectors {
    private static final Map<String, Selector> REGISTERED = new ConcurrentHashMap<>();
    private static volatile Function<String, Selector> fallback = name -> {
        throw new IllegalArgumentException("unknown selection strategy '" + name + "'");
    };

    private Selectors() {
    }

    public static void register(String name, Selector selector) {
        REGISTERED.put(key(name), selector);
    }

    /** Resolves names not registered explicitly (throws IllegalArgumentException for unknown ones). */
    public static void setFallback(Function<String, Selector> resolver) {
        fallback = resolver;
    }

    /** The selector for {@code name}; IllegalArgumentException naming it when unknown. */
    public static Selector byName(String name) {
        Selector s = REGISTERED.get(key(name));
        return s != null ? s : fallback.apply(key(name));
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
