package org.alor.loop.estimate;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything an estimate needs from a device: its rates in fp32 and (where it runs it fast) bf16, and the linear
 * probe's rate, which is plain Java on the CPU whatever the device.
 *
 * @param device     the device described ("cpu()", "gpu(0)" or the anchor's name)
 * @param source     how the rates were obtained ("measured on this machine", "H200 anchors scaled by FLOPs")
 * @param measuredAt ISO-8601 instant of the measurement
 * @param bf16       null when the device has no fast bf16 ({@code bf16Note} says why)
 * @param lpSamplesPerSecond LP training samples per second per epoch at {@code lpClasses} × {@code lpDim}
 * @param notes      what a reader should know about the measurement (e.g. a batch reduced to fit the budget)
 */
public record DeviceRates(String device, String source, String measuredAt, StageRates fp32, StageRates bf16,
                          String bf16Note, double lpSamplesPerSecond, int lpClasses, int lpDim, double calibrationSeconds,
                          List<String> notes) {
    private static final Gson GSON = new Gson();

    public DeviceRates {
        if (fp32 == null) throw new IllegalArgumentException("fp32 rates are required");
        StageRates.requirePositive("LP epoch", lpSamplesPerSecond);
        if (lpClasses < 1 || lpDim < 1) throw new IllegalArgumentException("LP rate needs its classes and dimensions");
        notes = notes == null ? List.of() : List.copyOf(notes);
        bf16Note = bf16Note == null ? "" : bf16Note;
    }

    public Optional<StageRates> bf16Rates() {
        return Optional.ofNullable(bf16);
    }

    /** LP samples per second per epoch at {@code classes} × {@code dim} (its cost is linear in both). */
    public double lpSamplesPerSecond(int classes, int dim) {
        return lpSamplesPerSecond * ((double) lpClasses * lpDim) / ((double) classes * dim);
    }

    public Instant measuredInstant() {
        return Instant.parse(measuredAt);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** @throws IllegalArgumentException when {@code json} is not a complete set of rates */
    public static DeviceRates fromJson(String json) {
        try {
            DeviceRates r = GSON.fromJson(json, DeviceRates.class);
            if (r == null) throw new IllegalArgumentException("empty rates");
            Instant.parse(r.measuredAt());
            return r;
        } catch (JsonParseException | java.time.format.DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("not a set of rates: " + e.getMessage(), e);
        }
    }
}
