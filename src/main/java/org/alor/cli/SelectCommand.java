package org.alor.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.alor.select.MissingInputException;
import org.alor.select.Pick;
import org.alor.select.Selection;
import org.alor.select.SelectionInput;
import org.alor.select.SelectionStrategy;
import org.alor.select.Strategies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `alor select`: runs one selection strategy on a JSON file of predictions and prints the picks as JSON. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = "Select pool items to label with an active-learning strategy "
                + "(random, entropy, tfs, coreset, badge, pcb, logo, alfamix).")
public final class SelectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--strategy", required = true, paramLabel = "NAME",
            description = "random, entropy, tfs, coreset, badge, pcb, logo or alfamix")
    String strategy;

    @Option(names = "--input", required = true, paramLabel = "FILE.json",
            description = "{\"probabilities\": [[...]], \"classCounts\": [...], \"budget\": B, optional \"features\", "
                    + "\"labeledFeatures\", \"labeledClasses\", \"classifierWeights\", \"logitScale\"}")
    Path input;

    @Option(names = "--budget", paramLabel = "B", description = "number of picks (overrides the file's budget)")
    Integer budget;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--round", paramLabel = "R", defaultValue = "0",
            description = "round index; each round draws a different random stream (default ${DEFAULT-VALUE})")
    int round;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SelectionStrategy chosen;
        try {
            chosen = Strategies.byName(strategy);
        } catch (IllegalArgumentException e) {
            err.println("alor select: " + e.getMessage());
            return 2;
        }
        if (budget != null && budget < 0) {
            err.println("alor select: --budget must be >= 0, got " + budget);
            return 2;
        }
        try {
            SelectionInputFile.Content content = SelectionInputFile.read(input);
            Integer b = budget != null ? budget : content.budget();
            if (b == null) {
                err.println("alor select: " + input + ": no \"budget\" in the file; pass --budget B");
                return 2;
            }
            if (b < 0) {
                err.println("alor select: " + input + ": \"budget\" must be >= 0, got " + b);
                return 1;
            }
            SelectionInput in = content.builder().budget(b).seed(seed).round(round).build();
            for (SelectionInput.Requirement r : chosen.requirements()) {
                if (!in.has(r)) {
                    err.println("alor select: " + input + ": strategy '" + chosen.name() + "' needs \""
                            + jsonField(r) + "\" (" + r.label() + "), which the file lacks");
                    return 1;
                }
            }
            Selection selection = chosen.select(in);
            out.println(toJson(selection));
            out.flush();
            return 0;
        } catch (SelectionInputFile.Problem e) {
            err.println("alor select: " + e.getMessage());
            return 1;
        } catch (MissingInputException e) {
            err.println("alor select: " + input + ": " + e.getMessage());
            return 1;
        }
    }

    private static String jsonField(SelectionInput.Requirement r) {
        return switch (r) {
            case POOL_FEATURES -> "features";
            case LABELED_FEATURES -> "labeledFeatures";
            case LABELED_CLASSES -> "labeledClasses";
            case CLASSIFIER -> "classifierWeights";
        };
    }

    static String toJson(Selection selection) {
        JsonObject root = new JsonObject();
        JsonArray selected = new JsonArray();
        JsonArray reasons = new JsonArray();
        for (Pick p : selection.picks()) {
            selected.add(p.poolIndex());
            reasons.add(p.reason());
        }
        root.add("selected", selected);
        root.add("reasons", reasons);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(root);
    }
}
