package org.alor.app;

/** Where an item of the labeling queue stands. */
public enum ItemStatus {
    PENDING("·"), LABELED("✓"), UNSURE("?"), SKIPPED("»");

    private final String symbol;

    ItemStatus(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
