package org.alor.cli;

import org.alor.data.ClassInfo;
import org.alor.job.Phase;
import org.alor.loop.DeferredLabeler;
import org.alor.loop.Labeler;
import org.alor.loop.LabelsPendingException;
import org.alor.loop.Method;
import org.alor.loop.OracleLabeler;
import org.alor.loop.Precision;
import org.alor.loop.Project;
import org.alor.loop.Round0Mode;
import org.alor.loop.RoundResult;
import org.alor.loop.RoundSpec;
import org.alor.loop.RoundSummary;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.alor.store.Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/** `alor round`: run (or finish) the next active-learning round of a project. */
@Command(name = "round", mixinStandardHelpOptions = true,
        description = {"Run the next active-learning round: train on retrieved + labeled images, evaluate on val/test,",
                "predict the pool, select the next images and (with --oracle) label them. An unfinished round is continued."})
public final class RoundCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SessionOptions sessionOptions = new SessionOptions();

    @CommandLine.Mixin
    TrainingOptions training = new TrainingOptions();

    @Parameters(index = "0", paramLabel = "PROJECT_DIR")
    Path projectDir;

    @Option(names = "--method", defaultValue = "lp", description = "Adaptation method: zeroshot, lp, ft, ct or pt (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--strategy", defaultValue = "tfs", description = "Selection strategy (default ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--budget", description = "Images to select (default: the number of classes).")
    Integer budget;

    @Option(names = "--seed", description = "Seed (default: the project's seed setting, else 666).")
    Long seed;

    @Option(names = "--oracle", description = "Simulate: the dataset's true labels answer the selection; round 0 adds one random pool image per class.")
    boolean oracle;

    @Option(names = "--rda", defaultValue = "on", description = "Train on retrieved images too: on or off (default ${DEFAULT-VALUE}).")
    String rda;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        if (budget != null && budget < 1) throw new CommandLine.ParameterException(cl, "--budget must be at least 1");
        try (CancelOnInterrupt ctrlC = CancelOnInterrupt.install();
             Project session = sessionOptions.open(projectDir)) {
            ProjectStore store = session.store();
            RoundSpec roundSpec = roundSpec(cl, store, session.precision());
            Labeler labeler = oracle ? new OracleLabeler() : new DeferredLabeler();
            ConsoleProgress bar = new ConsoleProgress("training", err);
            RoundResult result;
            try {
                result = session.runRound(roundSpec, labeler, new EpochPrinter(bar, err), ctrlC.token());
            } catch (LabelsPendingException e) {
                RoundRecord rec = store.roundTable().byIndex(e.round()).orElseThrow();
                print(out, store, RoundSummary.result(store, rec));
                out.println(e.getMessage() + "; label them in the app (or rerun with --oracle), then run"
                        + " `alor round` again to finish the round");
                return 0;
            }
            print(out, store, result);
            return 0;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (CancellationException e) {
            err.println("alor round: cancelled; run it again to continue");
            return 1;
        } catch (RuntimeException e) {
            err.println("alor round: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("alor round: interrupted; run it again to continue");
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The flags as a round spec over the project's settings; a bad value is a usage error. */
    private RoundSpec roundSpec(CommandLine cl, ProjectStore store, Precision precision) {
        RoundSpec.Builder b;
        try {
            b = RoundSpec.builder(Method.parse(method), strategy);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        b.optProjectSettings(store.settings()).optRda(LoopOptions.onOff(cl, "--rda", rda))
                .optRound0(oracle ? Round0Mode.SIMULATION : Round0Mode.RETRIEVED_ONLY);
        if (budget != null) b.optBudget(budget);
        if (seed != null) b.optSeed(seed);
        b.optPrecision(precision);
        training.applyTo(cl, b);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** ", in bf16" from the round's stored summary, "" when it has none. */
    private static String precisionOf(ProjectStore store, int round) {
        try {
            String json = store.roundTable().byIndex(round).map(rec -> rec.summaryJson()).orElse(null);
            if (json == null || json.isBlank()) return "";
            com.google.gson.JsonElement p = com.google.gson.JsonParser.parseString(json).getAsJsonObject().get("precision");
            return p == null ? "" : ", in " + p.getAsString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    static void print(PrintWriter out, ProjectStore store, RoundResult r) {
        List<ClassInfo> classes = store.classTable().all();
        out.printf(Locale.ROOT, "Round %d (%s, %s, seed %d): %s%n", r.round(), r.method(), r.strategy(), r.seed(),
                r.status().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "  trained on %d retrieved + %d labeled images%s%n", r.retrieved(), r.labeled(),
                precisionOf(store, r.round()));
        if (r.val() != null) {
            out.printf(Locale.ROOT, "  val:  accuracy %s, macro-F1 %s (%d images)%n", LoopOptions.pct(r.val().accuracy()),
                    LoopOptions.pct(r.val().macroF1()), r.val().support());
        }
        if (r.test() != null) {
            out.printf(Locale.ROOT, "  test: accuracy %s, macro-F1 %s (%d images)%n", LoopOptions.pct(r.test().accuracy()),
                    LoopOptions.pct(r.test().macroF1()), r.test().support());
        }
        if (r.selections().isEmpty()) return;
        out.printf(Locale.ROOT, "  selected %d:%n", r.selections().size());
        for (Selection sel : r.selections()) {
            String path = store.sampleTable().byId(sel.sampleId()).map(x -> x.path()).orElse("#" + sel.sampleId());
            String served = sel.pickedForClass() == null ? "" : " for " + classes.get(sel.pickedForClass()).name();
            String label = store.labelLog().current(sel.sampleId()).filter(x -> x.isLabeled())
                    .map(x -> " → " + classes.get(x.classId()).name()).orElse(
                            r.status() == RoundStatus.DONE ? " (unanswered)" : " (awaiting label)");
            out.printf(Locale.ROOT, "  %3d  %s%s%s%s%n", sel.rank() + 1, path, served,
                    sel.reason() == null ? "" : "  [" + sel.reason() + "]", label);
        }
    }
}
