package org.alor.loop;

import org.alor.adapt.ClassificationMetrics;
import org.alor.adapt.PromptTemplates;
import org.alor.adapt.TextHead;
import org.alor.data.ClassInfo;
import org.alor.data.Split;
import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import org.alor.store.StoredSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Zero-shot CLIP on a project's labelled test split: the prompt-initialised head (docs/method.md §5, scale 100)
 * scores the test images' embeddings; missing embeddings are computed and cached first, unreadable images skipped.
 */
public final class ZeroShotEvaluation {
    /** Zero-shot logit scale (docs/method.md §5); the ranking, and so accuracy, does not depend on it. */
    public static final float SCALE = 100f;

    private ZeroShotEvaluation() {
    }

    /**
     * One class's outcome.
     *
     * @param mostConfusedWith the class its test images were most often taken for, or null
     */
    public record ClassOutcome(int id, String name, String promptName, int support, double accuracy,
                               String mostConfusedWith, int confusedCount) {
    }

    /** The evaluation's outcome; {@code checkpoint} is where the checkpoint was loaded from. */
    public record Report(String checkpoint, String checkpointHash, String promptSet, String naming, int examples,
                         int unreadable, double accuracy, double macroF1, List<ClassOutcome> classes) {
    }

    static Report run(Project session, ZeroShotSpec spec, Progress progress, CancellationToken token) {
        ProjectStore store = session.store();
        List<ClassInfo> classes = store.classTable().all();
        if (classes.isEmpty()) throw new IllegalStateException("the project has no classes");
        List<StoredSample> test = new ArrayList<>();
        for (StoredSample s : store.sampleTable().bySplit(Split.TEST)) if (s.trueLabel() != null) test.add(s);
        if (test.isEmpty()) throw new IllegalStateException("the project has no labelled TEST samples");
        PromptTemplates templates = spec.templatesOr(store.settings().getString(Settings.PROMPT_SET, "generic"));

        ProjectEmbedder embedder = session.embedder(spec.embed());
        float[][] features = embedder.features(test, progress, token);
        FiniteValues.require(features, "image features", i -> test.get(i).path(), FiniteValues.reEmbed(store));
        List<String> promptNames = classes.stream().map(spec.naming()::of).toList();
        TextHead head = TextHead.fromClassNames(promptNames, templates, session.backend().textEncoder(store)::encode);
        FiniteValues.require(head.weights(), "the text embeddings of the class prompts",
                c -> "class " + promptNames.get(c), FiniteValues.badCheckpoint());

        List<float[]> kept = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (features[i] == null) continue;
            kept.add(features[i]);
            truth.add(classIndex(classes, test.get(i).trueLabel()));
        }
        float[][] logits = head.logits(kept.toArray(new float[0][]), SCALE);
        FiniteValues.require(logits, "zero-shot logits", i -> "test image " + i, FiniteValues.badCheckpoint());
        int[] predicted = ClassificationMetrics.argmax(logits);
        int[] truthArray = truth.stream().mapToInt(Integer::intValue).toArray();
        ClassificationMetrics m = ClassificationMetrics.of(truthArray, predicted, classes.size());
        List<ClassOutcome> rows = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            int worst = mostConfused(m.confusion()[c], c);
            rows.add(new ClassOutcome(classes.get(c).id(), classes.get(c).name(), promptNames.get(c), m.support()[c],
                    m.perClass()[c], worst < 0 ? null : classes.get(worst).name(),
                    worst < 0 ? 0 : m.confusion()[c][worst]));
        }
        ProjectCheckpoint checkpoint = embedder.checkpoint();
        return new Report(checkpoint.loaded().source().toString(), checkpoint.hash(),
                templates.name().toLowerCase(Locale.ROOT), spec.naming().name().toLowerCase(Locale.ROOT),
                truthArray.length, test.size() - kept.size(), m.accuracy(), m.macroF1(), rows);
    }

    /** The other class this row's images went to most often (ties → lower index), or −1 when none. */
    private static int mostConfused(int[] confusionRow, int self) {
        int worst = -1;
        for (int p = 0; p < confusionRow.length; p++) {
            if (p != self && confusionRow[p] > 0 && (worst < 0 || confusionRow[p] > confusionRow[worst])) worst = p;
        }
        return worst;
    }

    private static int classIndex(List<ClassInfo> classes, int classId) {
        for (int c = 0; c < classes.size(); c++) if (classes.get(c).id() == classId) return c;
        throw new IllegalStateException("a test sample has class id " + classId + ", which is not a class of the project");
    }
}
