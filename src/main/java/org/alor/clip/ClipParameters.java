package org.alor.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates the model's DJL {@link Parameter}s under their exact OpenCLIP tensor names and keeps the
 * one-to-one map name → Parameter that {@link ClipModel#loadStateDict} and {@link ClipModel#stateDict} use.
 * Values live on one manager (the model's); random values use the engine RNG, seeded by the caller.
 */
final class ClipParameters {
    private final NDManager manager;
    private final boolean random;
    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    /** @param random false: every value starts at zero/one (cheap; a state dict is about to be loaded) */
    ClipParameters(NDManager manager, boolean random) {
        this.manager = manager;
        this.random = random;
    }

    /** A weight drawn from N(0, std²) (zeros when not random). */
    Parameter normal(String name, double std, long... shape) {
        NDArray value = random
                ? manager.randomNormal(0f, (float) std, new Shape(shape), DataType.FLOAT32)
                : manager.zeros(new Shape(shape), DataType.FLOAT32);
        return register(name, Parameter.Type.WEIGHT, value);
    }

    Parameter zeros(String name, Parameter.Type type, long... shape) {
        return register(name, type, manager.zeros(new Shape(shape), DataType.FLOAT32));
    }

    Parameter ones(String name, Parameter.Type type, long... shape) {
        return register(name, type, manager.ones(new Shape(shape), DataType.FLOAT32));
    }

    /** A 0-d scalar parameter (OpenCLIP's {@code logit_scale} has shape []). */
    Parameter scalar(String name, float value) {
        return register(name, Parameter.Type.OTHER, manager.create(value));
    }

    private Parameter register(String name, Parameter.Type type, NDArray value) {
        if (byName.containsKey(name)) {
            throw new IllegalStateException("duplicate parameter name " + name);
        }
        value.setName(name);
        value.setRequiresGradient(true);
        Parameter p = Parameter.builder().setName(name).setType(type).optShape(value.getShape()).optArray(value).build();
        byName.put(name, p);
        return p;
    }

    Map<String, Parameter> byName() {
        return Collections.unmodifiableMap(byName);
    }
}
