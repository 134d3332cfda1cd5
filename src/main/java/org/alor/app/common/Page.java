package org.alor.app.common;

/** The pages of the navigation rail, in rail order, with their Ikonli (Material Design 2) icons. */
public enum Page {
    HOME("Home", "mdi2h-home-outline"),
    DATA("Data", "mdi2d-database-outline"),
    RETRIEVAL("Retrieval", "mdi2c-cloud-search-outline"),
    RUNS("Runs", "mdi2p-play-circle-outline"),
    LABEL("Label", "mdi2t-tag-outline"),
    CHARTS("Charts", "mdi2c-chart-line"),
    SETTINGS("Settings", "mdi2c-cog-outline");

    private final String title;
    private final String icon;

    Page(String title, String icon) {
        this.title = title;
        this.icon = icon;
    }

    public String title() {
        return title;
    }

    public String icon() {
        return icon;
    }

    /** Pages that show a project's content and are disabled while none is open. */
    public boolean needsProject() {
        return this != HOME && this != SETTINGS;
    }
}
