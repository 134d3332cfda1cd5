package org.alor.clip;

/** Loads DJL's engine and prints its libtorch folder; the CUDA download runs this in a child JVM (loop.doctor). */
public final class EngineWarmUp {
    private EngineWarmUp() {
    }

    public static void main(String[] args) {
        EngineInfo info = EngineInfo.current();
        System.out.println(info.engineName() + " " + info.libtorchVersion() + " " + info.libtorchPath() + " flavor " + info.flavor());
    }
}
