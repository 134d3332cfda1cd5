package org.alor.loop.estimate;

import org.alor.clip.ClipConfig;
import org.alor.clip.ClipModelFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rates of the reference PyTorch code measured on a GPU (issue 19): ViT-B/32 on an H200 encodes 4,266 images/s in
 * fp32 and 20,368 in bf16, and runs CT steps at 728 / 2,100 images/s at batch 128. For another CLIP the rates are
 * scaled by forward FLOPs ({@link ClipFlops}): text encoding runs at the image encoding's FLOP rate, FT (image tower
 * only) and PT (class prompts through the text tower and back) at CT's training FLOP rate.
 */
public final class GpuAnchors {
    public static final String H200 = "h200";
    static final double ENCODE_FP32 = 4266;
    static final double ENCODE_BF16 = 20368;
    static final double CT_FP32 = 728;
    static final double CT_BF16 = 2100;
    static final int CT_BATCH = 128;

    private GpuAnchors() {
    }

    /**
     * The H200 anchors carried over to {@code clip}. LP is not a GPU stage (plain Java on the CPU), so its rate comes
     * from {@code lpSamplesPerSecond} measured on this machine at {@code lpClasses} × {@code lpDim}.
     */
    public static DeviceRates h200(ClipConfig clip, int classes, double lpSamplesPerSecond, int lpClasses, int lpDim) {
        ClipConfig ref = ClipModelFactory.vitB32QuickGelu();
        double refImage = ClipFlops.image(ref);
        double refPair = refImage + ClipFlops.text(ref);
        double image = ClipFlops.image(clip);
        double text = ClipFlops.text(clip);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "reference PyTorch anchors for ViT-B/32 on an H200: encode %,.0f img/s fp32,"
                + " %,.0f bf16; CT step %,.0f / %,.0f img/s at batch %d", ENCODE_FP32, ENCODE_BF16, CT_FP32, CT_BF16, CT_BATCH));
        double ratio = refImage / image;
        if (Math.abs(ratio - 1) > 0.01) {
            notes.add(String.format(Locale.ROOT, "this project's CLIP is not ViT-B/32: rates scaled by forward FLOPs"
                    + " (image tower %.3g GFLOP vs %.3g, text tower %.3g GFLOP vs %.3g)",
                    image / 1e9, refImage / 1e9, text / 1e9, ClipFlops.text(ref) / 1e9));
        }
        if (ratio > 4) {
            notes.add("FLOP scaling overstates a GPU for a CLIP this much smaller than ViT-B/32: it does not fill the GPU,"
                    + " and image decoding, not the GPU, then sets the pace");
        }
        notes.add("text encoding, FT and PT derived from the encode and CT anchors by FLOPs; the anchors time the model"
                + " alone (no image decoding); LP measured on this CPU");
        return new DeviceRates("H200 (reference anchors)", "H200 anchors of the reference PyTorch code, scaled by FLOPs",
                Instant.now().toString(), rates(ENCODE_FP32, CT_FP32, refImage, refPair, image, text, classes),
                rates(ENCODE_BF16, CT_BF16, refImage, refPair, image, text, classes), "", lpSamplesPerSecond, lpClasses,
                lpDim, 0, notes);
    }

    private static StageRates rates(double encode, double ct, double refImage, double refPair, double image, double text,
                                    int classes) {
        double encodeFlops = encode * refImage;
        double trainFlops = ct * refPair;
        return new StageRates(encodeFlops / image, encodeFlops / text, trainFlops / image, trainFlops / (image + text),
                classes * text / trainFlops, classes);
    }
}
