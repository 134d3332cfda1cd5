package org.alor.clip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Checks a state dict (OpenCLIP names) against the layout a {@link ClipConfig} implies. */
public final class CheckpointValidator {

    private CheckpointValidator() {
    }

    /** Buffers some exporters save next to the weights; they carry nothing the model needs. */
    public static boolean isIgnorable(String name) {
        return name.equals("attn_mask") || name.endsWith(".attn_mask")
                || name.equals("position_ids") || name.endsWith(".position_ids")
                || name.equals("input_resolution") || name.equals("context_length") || name.equals("vocab_size");
    }

    public static ValidationReport check(ClipConfig config, StateDict sd) {
        Map<String, long[]> expected = ClipTensorLayout.expectedShapes(config);
        List<String> missing = new ArrayList<>();
        List<ValidationReport.ShapeMismatch> mismatches = new ArrayList<>();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            Tensor t = sd.get(e.getKey());
            if (t == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(t.shape(), e.getValue())) {
                mismatches.add(new ValidationReport.ShapeMismatch(e.getKey(), e.getValue(), t.shape()));
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : sd.names()) {
            if (!expected.containsKey(name) && !isIgnorable(name)) unexpected.add(name);
        }
        return new ValidationReport(missing, unexpected, mismatches);
    }

    /** Throws a {@link CheckpointException} listing every problem unless the state dict fits the config. */
    public static ValidationReport validate(ClipConfig config, StateDict sd, String source) throws CheckpointException {
        ValidationReport r = check(config, sd);
        if (!r.ok()) {
            throw new CheckpointException("checkpoint " + (source.isEmpty() ? "" : source + " ")
                    + "does not match its CLIP config ("
                    + ConfigSummary.of(config) + "):\n" + r.describe());
        }
        return r;
    }

    public static ValidationReport validate(ClipConfig config, StateDict sd) throws CheckpointException {
        return validate(config, sd, "");
    }
}
