package org.alor.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.alor.select.SelectionInput;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the `alor select` input JSON: {"probabilities": [[…]], "classCounts": […], "budget": B,
 * "features": [[…]], "labeledFeatures": [[…]], "labeledClasses": […], "classifierWeights": [[…]],
 * "logitScale": S} (all but probabilities and classCounts optional). Every problem becomes a
 * {@link Problem} whose message names the file and what is wrong.
 */
final class SelectionInputFile {
    /** Probability rows may deviate this much from summing to 1 (rounded fixtures, float32 softmax). */
    static final double ROW_SUM_TOLERANCE = 1e-3;

    static final class Problem extends Exception {
        Problem(Path file, String what) {
            super(file + ": " + what);
        }
    }

    /** The parsed content: the input builder and the file's budget (null when the file has none). */
    record Content(SelectionInput.Builder builder, Integer budget) {
    }

    private final Path file;

    private SelectionInputFile(Path file) {
        this.file = file;
    }

    static Content read(Path file) throws Problem {
        return new SelectionInputFile(file).parse();
    }

    private Content parse() throws Problem {
        JsonObject root = parseRoot();
        float[][] probabilities = matrix(root, "probabilities", true);
        int[] classCounts = ints(root, "classCounts", true);
        checkProbabilities(probabilities, classCounts.length);
        for (int k = 0; k < classCounts.length; k++) {
            if (classCounts[k] < 0) {
                throw problem("classCounts[" + k + "] is negative (" + classCounts[k] + ")");
            }
        }
        float[][] features = matrix(root, "features", false);
        if (features != null && features.length != probabilities.length) {
            throw problem("\"features\" has " + features.length + " rows but \"probabilities\" has "
                    + probabilities.length + " (one feature row per pool item)");
        }
        float[][] labeledFeatures = matrix(root, "labeledFeatures", false);
        int[] labeledClasses = ints(root, "labeledClasses", false);
        if (labeledClasses != null && labeledFeatures != null && labeledClasses.length != labeledFeatures.length) {
            throw problem("\"labeledClasses\" has " + labeledClasses.length + " entries but \"labeledFeatures\" has "
                    + labeledFeatures.length + " rows");
        }
        float[][] weights = matrix(root, "classifierWeights", false);
        float scale = 100f;
        if (root.has("logitScale")) {
            scale = (float) number(root.get("logitScale"), "logitScale");
        }
        Integer budget = null;
        if (root.has("budget") && !root.get("budget").isJsonNull()) {
            budget = integer(root.get("budget"), "budget");
        }
        try {
            SelectionInput.Builder builder = SelectionInput.builder(probabilities, classCounts).poolFeatures(features)
                    .labeled(labeledFeatures, labeledClasses).classifier(weights, scale);
            builder.build(); // shape checks across fields (dimensions, class ids) with their own messages
            return new Content(builder, budget);
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
    }

    private JsonObject parseRoot() throws Problem {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(reader);
            if (!root.isJsonObject()) {
                throw problem("expected a JSON object with \"probabilities\" and \"classCounts\"");
            }
            return root.getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw problem("file not found");
        } catch (IOException e) {
            throw problem("cannot read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw problem("not valid JSON: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    private void checkProbabilities(float[][] probabilities, int classes) throws Problem {
        for (int i = 0; i < probabilities.length; i++) {
            float[] row = probabilities[i];
            if (row.length != classes) {
                throw problem("\"probabilities\" row " + i + " has " + row.length + " values but \"classCounts\" has "
                        + classes + " classes");
            }
            double sum = 0;
            for (int k = 0; k < row.length; k++) {
                if (!(row[k] >= 0f && row[k] <= 1f)) {
                    throw problem("\"probabilities\"[" + i + "][" + k + "] = " + row[k] + " is not in [0, 1]");
                }
                sum += row[k];
            }
            if (Math.abs(sum - 1.0) > ROW_SUM_TOLERANCE) {
                throw problem("\"probabilities\" row " + i + " sums to " + sum + ", not 1 (softmax outputs expected)");
            }
        }
    }

    /** The array field {@code name}; null when it is absent and not required. */
    private JsonArray arrayField(JsonObject root, String name, boolean required, String expected) throws Problem {
        JsonElement e = root.get(name);
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw problem("missing field \"" + name + "\"");
            }
            return null;
        }
        if (!e.isJsonArray()) {
            throw problem("\"" + name + "\" must be " + expected);
        }
        return e.getAsJsonArray();
    }

    private float[][] matrix(JsonObject root, String name, boolean required) throws Problem {
        JsonArray rows = arrayField(root, name, required, "an array of rows");
        if (rows == null) return null;
        float[][] out = new float[rows.size()][];
        int width = -1;
        for (int i = 0; i < out.length; i++) {
            JsonElement row = rows.get(i);
            if (!row.isJsonArray()) {
                throw problem("\"" + name + "\" row " + i + " is not an array");
            }
            JsonArray values = row.getAsJsonArray();
            if (width >= 0 && values.size() != width) {
                throw problem("\"" + name + "\" is ragged: row " + i + " has " + values.size() + " values, row 0 has "
                        + width);
            }
            width = values.size();
            out[i] = new float[width];
            for (int j = 0; j < width; j++) {
                out[i][j] = (float) number(values.get(j), name + "[" + i + "][" + j + "]");
            }
        }
        return out;
    }

    private int[] ints(JsonObject root, String name, boolean required) throws Problem {
        JsonArray values = arrayField(root, name, required, "an array of integers");
        if (values == null) return null;
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(values.get(i), name + "[" + i + "]");
        }
        return out;
    }

    private double number(JsonElement e, String where) throws Problem {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw problem(where + " is not a number: " + e);
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw problem(where + " is not finite");
        }
        return v;
    }

    private int integer(JsonElement e, String where) throws Problem {
        double v = number(e, where);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw problem(where + " is not an integer: " + e);
        }
        return (int) v;
    }

    private Problem problem(String what) {
        return new Problem(file, what);
    }
}
