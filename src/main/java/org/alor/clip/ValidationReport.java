package org.alor.clip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Result of comparing a state dict with the OpenCLIP layout of a config.
 *
 * @param missing    expected tensor names absent from the checkpoint
 * @param unexpected checkpoint tensor names the layout does not have (harmless buffers excluded)
 * @param mismatches tensors present under the right name but with another shape
 */
public record ValidationReport(List<String> missing, List<String> unexpected, List<ShapeMismatch> mismatches) {
    private static final Pattern LAYER = Pattern.compile("(.*\\.resblocks\\.)(\\d+)(\\..*)");

    public record ShapeMismatch(String name, long[] expected, long[] got) {
        @Override
        public String toString() {
            return name + ": expected " + Arrays.toString(expected) + ", got " + Arrays.toString(got);
        }
    }

    public boolean ok() {
        return missing.isEmpty() && unexpected.isEmpty() && mismatches.isEmpty();
    }

    /**
     * A readable multi-line summary listing every problem. Per-layer names that differ only in the layer index
     * are written once with the index range, e.g. {@code transformer.resblocks.{2..11}.ln_1.weight}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        section(sb, "wrongly shaped", mismatches.size(), mismatches.stream().map(ShapeMismatch::toString).toList());
        section(sb, "missing", missing.size(), compress(missing));
        section(sb, "unexpected", unexpected.size(), compress(unexpected));
        return sb.toString().stripTrailing();
    }

    private static void section(StringBuilder sb, String label, int count, List<String> lines) {
        if (count == 0) return;
        sb.append(count).append(' ').append(label).append(count == 1 ? " tensor" : " tensors").append(":\n");
        for (String line : lines) sb.append("  ").append(line).append('\n');
    }

    static List<String> compress(List<String> names) {
        Map<String, TreeSet<Integer>> layers = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (String n : names) {
            Matcher m = LAYER.matcher(n);
            if (m.matches()) {
                String key = m.group(1) + "\u0000" + m.group(3);
                if (!layers.containsKey(key)) {
                    layers.put(key, new TreeSet<>());
                    order.add(key);
                }
                layers.get(key).add(Integer.parseInt(m.group(2)));
            } else {
                order.add(new StringBuilder(n));
            }
        }
        List<String> out = new ArrayList<>();
        for (Object o : order) {
            if (o instanceof StringBuilder plain) {
                out.add(plain.toString());
                continue;
            }
            String[] parts = ((String) o).split("\u0000", 2);
            for (String range : ranges(layers.get(o))) out.add(parts[0] + range + parts[1]);
        }
        return out;
    }

    private static List<String> ranges(TreeSet<Integer> idx) {
        List<String> out = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int i : idx) {
            if (start == null) {
                start = i;
            } else if (i != prev + 1) {
                out.add(range(start, prev));
                start = i;
            }
            prev = i;
        }
        if (start != null) out.add(range(start, prev));
        return out;
    }

    private static String range(int a, int b) {
        return a == b ? Integer.toString(a) : "{" + a + ".." + b + "}";
    }
}
