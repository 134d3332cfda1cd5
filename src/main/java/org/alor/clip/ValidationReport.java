package org.alor.clip;

import java.util.Arrays;
import java.util.List;

/**
 * Result of comparing a state dict with the OpenCLIP layout of a config.
 *
 * @param missing    expected tensor names absent from the checkpoint
 * @param unexpected checkpoint tensor names the layout does not have (harmless buffers excluded)
 * @param mismatches tensors present under the right name but with another shape
 */
public record ValidationReport(List<String> missing, List<String> unexpected, List<ShapeMismatch> mismatches) {
    public record ShapeMismatch(String name, long[] expected, long[] got) {
        @Override
        public String toString() {
            return name + ": expected " + Arrays.toString(expected) + ", got " + Arrays.toString(got);
        }
    }

    public boolean ok() {
        return missing.isEmpty() && unexpected.isEmpty() && mismatches.isEmpty();
    }

    /** A readable multi-line summary listing every problem (at most {@code limit} names per kind). */
    public String describe(int limit) {
        StringBuilder sb = new StringBuilder();
        section(sb, "missing", missing, limit);
        section(sb, "shape mismatch", mismatches.stream().map(ShapeMismatch::toString).toList(), limit);
        section(sb, "unexpected", unexpected, limit);
        return sb.toString().stripTrailing();
    }

    private static void section(StringBuilder sb, String label, List<String> items, int limit) {
        if (items.isEmpty()) return;
        sb.append(items.size()).append(' ').append(label).append(items.size() == 1 ? " tensor" : " tensors").append(":\n");
        for (int i = 0; i < Math.min(limit, items.size()); i++) sb.append("  ").append(items.get(i)).append('\n');
        if (items.size() > limit) sb.append("  … and ").append(items.size() - limit).append(" more\n");
    }
}
