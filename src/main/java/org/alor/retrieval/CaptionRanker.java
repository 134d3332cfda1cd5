package org.alor.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * docs/method.md §6.4: class prompt = normalise(mean over templates × synonyms of normalise(embed(prompt))); each
 * matched caption scores cosine(caption embedding, class prompt). Captions are embedded once each, in batches.
 */
public final class CaptionRanker {
    private final TextEmbedder embedder;
    private final List<String> templates;
    private final int batchSize;
    private final Map<String, float[]> captionCache = new HashMap<>();

    /** @param templates prompt templates with {@code {}} for the name, e.g. "a photo of a {}, a type of bird." */
    public CaptionRanker(TextEmbedder embedder, List<String> templates, int batchSize) {
        if (templates.isEmpty()) throw new IllegalArgumentException("no prompt templates");
        this.embedder = embedder;
        this.templates = List.copyOf(templates);
        this.batchSize = Math.max(1, batchSize);
    }

    public float[] classPrompt(List<String> synonyms) {
        List<String> prompts = new ArrayList<>();
        for (String t : templates) for (String s : synonyms) prompts.add(t.replace("{}", s));
        float[] sum = null;
        for (float[] e : embedAll(prompts)) {
            float[] n = Vectors.normalised(e);
            if (sum == null) sum = new float[n.length];
            for (int i = 0; i < n.length; i++) sum[i] += n[i];
        }
        return Vectors.normalised(sum);
    }

    /** Cosine scores of the captions against the class prompt, in input order. */
    public double[] scores(float[] classPrompt, List<String> captions) {
        List<String> missing = new ArrayList<>();
        for (String c : new LinkedHashSet<>(captions)) if (!captionCache.containsKey(c)) missing.add(c);
        List<float[]> embedded = embedAll(missing);
        for (int i = 0; i < missing.size(); i++) captionCache.put(missing.get(i), Vectors.normalised(embedded.get(i)));
        double[] out = new double[captions.size()];
        for (int i = 0; i < out.length; i++) out[i] = Vectors.dot(captionCache.get(captions.get(i)), classPrompt);
        return out;
    }

    private List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            float[][] e = embedder.embed(batch);
            if (e.length != batch.size()) throw new IllegalStateException("text embedder returned " + e.length + " rows for " + batch.size() + " texts");
            for (float[] row : e) out.add(row);
        }
        return out;
    }
}
