package org.alor.select;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Registry of the selection strategies by name. */
public final class Strategies {
    private static final Map<String, Supplier<SelectionStrategy>> BY_NAME = Map.of(
            RandomStrategy.NAME, RandomStrategy::new,
            EntropyStrategy.NAME, EntropyStrategy::new,
            TailFirstStrategy.NAME, TailFirstStrategy::new,
            CoresetStrategy.NAME, CoresetStrategy::new,
            BadgeStrategy.NAME, BadgeStrategy::new,
            PcbStrategy.NAME, PcbStrategy::new,
            LogoStrategy.NAME, LogoStrategy::new,
            AlfaMixStrategy.NAME, AlfaMixStrategy::new);

    /** Names in a stable display order. */
    public static final List<String> NAMES = List.of(RandomStrategy.NAME, EntropyStrategy.NAME,
            TailFirstStrategy.NAME, CoresetStrategy.NAME, BadgeStrategy.NAME, PcbStrategy.NAME, LogoStrategy.NAME,
            AlfaMixStrategy.NAME);

    private Strategies() {
    }

    /**
     * The strategy with this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known strategies when the name is unknown
     */
    public static SelectionStrategy byName(String name) {
        Supplier<SelectionStrategy> s = name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown selection strategy '" + name + "'; known: "
                    + String.join(", ", NAMES));
        }
        return s.get();
    }
}
