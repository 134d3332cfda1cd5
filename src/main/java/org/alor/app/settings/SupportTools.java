package org.alor.app.settings;

import org.alor.app.start.SampleProject;
import org.alor.loop.doctor.Doctor;
import org.alor.loop.doctor.GpuSwitch;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/** The doctor and the GPU switch as Settings uses them; tests hand in fakes (no engine, no driver, no download). */
public record SupportTools(Supplier<Doctor> doctor, Supplier<GpuSwitch> gpu, Supplier<Optional<Path>> encodeModel) {

    public static SupportTools forThisMachine() {
        return new SupportTools(Doctor::forThisMachine, GpuSwitch::forThisMachine,
                () -> SampleProject.sampleData().map(d -> d.resolve("synthetic-aves").resolve("clip")));
    }
}
