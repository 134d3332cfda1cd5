package org.alor.loop.estimate;

import org.alor.adapt.TinyClipWorld;
import org.alor.job.CancellationToken;
import org.alor.loop.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationTest {
    @TempDir
    Path tmp;

    @Test
    void theRealAdaptersOnATinyClipGivePositiveFiniteRatesQuickly() throws Exception {
        Path image = tmp.resolve("bird.png");
        BufferedImage img = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 48; x++) img.setRGB(x, y, (x * 5) << 16 | (y * 6) << 8 | 90);
        ImageIO.write(img, "png", image.toFile());
        List<String> logged = new ArrayList<>();
        long t0 = System.nanoTime();
        DeviceRates r = new Calibration(TinyClipWorld.base(), List.of("robin", "wren", "jay"), List.of(image), 5,
                logged::add, new CancellationToken())
                .run(new MethodPlan(Method.FT, 50, 8), new MethodPlan(Method.CT, 50, 8), new MethodPlan(Method.PT, 50, 4));
        double seconds = (System.nanoTime() - t0) / 1e9;

        for (StageRates s : r.bf16() == null ? List.of(r.fp32()) : List.of(r.fp32(), r.bf16())) {
            assertThat(List.of(s.imagesPerSecond(), s.textsPerSecond(), s.ftImagesPerSecond(), s.ctImagesPerSecond(),
                    s.ptSecondsPerStep())).allMatch(v -> v > 0 && Double.isFinite(v));
            assertThat(s.ptClasses()).isEqualTo(3);
        }
        assertThat(r.lpSamplesPerSecond()).isPositive().isFinite();
        assertThat(r.lpClasses()).isEqualTo(3);
        assertThat(r.lpDim()).isEqualTo(TinyClipWorld.CONFIG.embedDim());
        assertThat(r.calibrationSeconds()).isPositive();
        assertThat(seconds).isLessThan(30);
        // every rate is told as it is measured
        assertThat(logged).anyMatch(l -> l.startsWith("image encoding fp32"))
                .anyMatch(l -> l.startsWith("text encoding fp32")).anyMatch(l -> l.startsWith("FT step fp32"))
                .anyMatch(l -> l.startsWith("CT step fp32")).anyMatch(l -> l.startsWith("PT step fp32"))
                .anyMatch(l -> l.startsWith("LP epoch")).anyMatch(l -> l.startsWith("calibration took"));
        // what was measured comes back the same from the project's settings
        assertThat(DeviceRates.fromJson(r.toJson())).isEqualTo(r);
    }

    @Test
    void aRecipeBatchTooSlowForTheBudgetIsMeasuredAtAFullAndAHalfSmallBatchAndExtrapolated() throws Exception {
        Path image = tmp.resolve("plain.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        // a budget far too small for batch 256: FT and CT are timed at a small batch, their notes say how it was used
        DeviceRates r = new Calibration(TinyClipWorld.base(), List.of("robin", "wren"), List.of(image), 0.05, l -> { },
                new CancellationToken())
                .run(new MethodPlan(Method.FT, 50, 256), new MethodPlan(Method.CT, 50, 256), new MethodPlan(Method.PT, 50, 4));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("FT fp32 measured at batch") && n.contains("instead of the recipe's 256"))
                .anyMatch(n -> n.startsWith("FT fp32: ") && (n.contains("extrapolated to batch 256") || n.contains("is used for batch 256")))
                .anyMatch(n -> n.startsWith("CT fp32: "));
        assertThat(List.of(r.fp32().ftImagesPerSecond(), r.fp32().ctImagesPerSecond())).allMatch(v -> v > 0 && Double.isFinite(v));
    }
}
