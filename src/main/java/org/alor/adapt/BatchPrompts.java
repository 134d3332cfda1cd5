package org.alor.adapt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.alor.clip.ClipEncoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompts of one CT batch: each example's prompt is its class's template drawn from the example seed, and
 * examples of one class often draw the same prompt (a 128-image batch of a head-heavy retrieval set holds far fewer
 * distinct prompts than images), so only the distinct ones are kept, with the row each example uses.
 *
 * @param distinct        token ids of each distinct prompt, in order of first use
 * @param promptOfExample for each example, its row in {@code distinct}
 */
record BatchPrompts(List<long[]> distinct, long[] promptOfExample) {

    static BatchPrompts of(ImageBatch batch, long[][][] tokens) {
        int b = batch.classIds().length;
        Map<Long, Integer> rowOfPrompt = new HashMap<>();
        List<long[]> distinct = new ArrayList<>();
        long[] promptOfExample = new long[b];
        for (int i = 0; i < b; i++) {
            int classId = batch.classIds()[i];
            long[][] perTemplate = tokens[classId];
            int template = ContrastiveTuneAdapter.templateOf(batch.exampleSeeds()[i], perTemplate.length);
            long key = (long) classId * perTemplate.length + template;
            Integer row = rowOfPrompt.get(key);
            if (row == null) {
                row = distinct.size();
                rowOfPrompt.put(key, row);
                distinct.add(perTemplate[template]);
            }
            promptOfExample[i] = row;
        }
        return new BatchPrompts(distinct, promptOfExample);
    }

    /** Token ids [u, L] of the distinct prompts, cut after the last end-of-text position among them. */
    NDArray distinctIds(NDManager m) {
        int length = 1;
        for (long[] row : distinct) length = Math.max(length, ClipEncoder.pooledPosition(row) + 1);
        long[] flat = new long[distinct.size() * length];
        for (int i = 0; i < distinct.size(); i++) System.arraycopy(distinct.get(i), 0, flat, i * length, length);
        return m.create(flat, new Shape(distinct.size(), length));
    }
}
