package org.alor.data;

/**
 * One line of a reference split file: {@code relative/path.jpg <class_id> <flag>}, split on single spaces.
 * A path containing spaces is the line minus its last two fields; a line of two fields has no flag.
 * Class id -1 means unlabeled (written by the exporter for unlabeled pool images).
 */
record SplitLine(String path, int classId, String flag) {
    static final int UNLABELED = -1;

    /** Parses a stripped, non-blank line; throws IllegalArgumentException with the reason when malformed. */
    static SplitLine parse(String line) {
        String[] f = line.split(" ");
        if (f.length < 2) throw new IllegalArgumentException("expected 'path class_id flag', got '" + line + "'");
        int classField = f.length == 2 ? 1 : f.length - 2;
        String path = String.join(" ", java.util.Arrays.copyOfRange(f, 0, classField));
        int id;
        try {
            id = Integer.parseInt(f[classField]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("class id '" + f[classField] + "' is not an integer (expected 'path class_id flag')");
        }
        if (id < UNLABELED) throw new IllegalArgumentException("negative class id " + id);
        return new SplitLine(path, id, f.length == 2 ? null : f[f.length - 1]);
    }

    /** The line as the exporter writes it. */
    static String format(String path, int classId, String flag) {
        return path + " " + classId + " " + flag;
    }
}
