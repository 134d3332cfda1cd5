package org.alor.clip;

import ai.djl.engine.Engine;

import java.nio.file.Path;
import java.util.Optional;

/** What DJL loaded: its version, the engine, libtorch's version, folder and flavor ("cpu", "cu128", ...). */
public record EngineInfo(String djlVersion, String engineName, String libtorchVersion, String libtorchPath, String flavor,
                         int gpuCount) {

    /** Loads the engine (extracting libtorch the first time) and describes it. */
    public static EngineInfo current() {
        Engine engine = Engine.getInstance();
        String path = "";
        try {
            path = ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            // another engine or an older DJL: the folder is only informative
        }
        return new EngineInfo(Engine.getDjlVersion(), engine.getEngineName(), engine.getVersion(), path,
                flavorOf(path).orElse("unknown"), engine.getGpuCount());
    }

    /** DJL's cache folder names libtorch {@code <version>[-<build>]-<flavor>-<os>-<arch>}, e.g. 2.7.1-20250812-cpu-linux-x86_64. */
    static Optional<String> flavorOf(String libtorchPath) {
        if (libtorchPath == null || libtorchPath.isBlank()) return Optional.empty();
        for (Path p = Path.of(libtorchPath); p != null; p = p.getParent()) {
            Path name = p.getFileName();
            if (name == null) continue;
            String[] parts = name.toString().split("-");
            // the flavor precedes <os>-<arch>; a build date may sit between version and flavor (2.7.1-20250812-cpu-...)
            if (parts.length >= 4 && Character.isDigit(parts[0].charAt(0))) return Optional.of(parts[parts.length - 3]);
        }
        return Optional.empty();
    }
}
