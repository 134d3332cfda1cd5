package org.alor.data;

import java.util.Locale;

/** The on-disk layouts a dataset can be imported from. */
public enum DatasetFormat {
    /** {@code root/<class>/<image>}: every image labeled by its folder. */
    IMAGE_FOLDER("imagefolder"),
    /** Reference split files ({@code pool.txt}/{@code ltrain.txt}, {@code val.txt}, {@code test.txt}, ...) plus class metadata. */
    SPLIT_FILES("splits"),
    /** A CSV file {@code path,label[,split]}. */
    CSV("csv"),
    /** An unlabeled image folder plus a class-list file ({@code classes.txt}). */
    CLASS_LIST("classlist");

    private final String key;

    DatasetFormat(String key) {
        this.key = key;
    }

    /** The short name used on the command line ("imagefolder", "splits", "csv", "classlist"). */
    public String key() {
        return key;
    }

    /** Parses a key as returned by {@link #key()} (case-insensitive; "image-folder", "split-files", "unlabeled" accepted too). */
    public static DatasetFormat parse(String text) {
        String k = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (k) {
            case "imagefolder": return IMAGE_FOLDER;
            case "splits": case "splitfiles": return SPLIT_FILES;
            case "csv": return CSV;
            case "classlist": case "unlabeled": case "folder": return CLASS_LIST;
            default: throw new IllegalArgumentException(
                    "unknown dataset format '" + text + "' (expected imagefolder, splits, csv or folder)");
        }
    }
}
