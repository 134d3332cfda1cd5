package org.alor.clip;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** An ordered map of tensor name → tensor, always in OpenCLIP naming once a reader has returned it. */
public final class StateDict {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    public void put(Tensor t) {
        tensors.put(t.name(), t);
    }

    public Tensor get(String name) {
        return tensors.get(name);
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    public Tensor remove(String name) {
        return tensors.remove(name);
    }

    public Set<String> names() {
        return tensors.keySet();
    }

    public Collection<Tensor> tensors() {
        return tensors.values();
    }

    public int size() {
        return tensors.size();
    }
}
