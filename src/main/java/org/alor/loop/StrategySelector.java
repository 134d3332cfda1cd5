package org.alor.loop;

import org.alor.select.Pick;
import org.alor.select.SelectionInput;
import org.alor.select.SelectionStrategy;

import java.util.List;

/** The round engine's view of a selection strategy from {@code org.alor.select}. */
final class StrategySelector implements Selector {
    private final SelectionStrategy strategy;

    StrategySelector(SelectionStrategy strategy) {
        this.strategy = strategy;
    }

    @Override
    public List<PickedItem> select(SelectorInput in) {
        SelectionInput.Builder builder = SelectionInput.builder(in.poolProbs(), in.classCounts())
                .poolFeatures(in.poolFeatures())
                .labeled(in.trainFeatures(), in.trainLabels())
                .budget(in.budget()).seed(in.seed()).round(in.round());
        if (in.classifierWeights() != null) builder.classifier(in.classifierWeights(), in.logitScale());
        List<Pick> picks = strategy.select(builder.build()).picks();
        return picks.stream().map(p -> new PickedItem(p.poolIndex(), p.servedClass(), p.score(), p.reason())).toList();
    }
}
