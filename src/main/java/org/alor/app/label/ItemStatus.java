package org.alor.app.label;

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
