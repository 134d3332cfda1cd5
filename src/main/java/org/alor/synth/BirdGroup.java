package org.alor.synth;

/**
 * A family-like body plan shared by all species of a genus: the English group noun of the common
 * name, the beak and tail silhouettes and the body proportions.
 */
public enum BirdGroup {
    WARBLER("Warbler", BeakShape.THIN, 1.0, TailShape.SQUARE, 0.85, 1.0),
    FINCH("Finch", BeakShape.CONICAL, 0.8, TailShape.FORKED, 0.9, 1.05),
    KITE("Kite", BeakShape.HOOKED, 0.9, TailShape.FORKED, 1.35, 0.85),
    GULL("Gull", BeakShape.DAGGER, 1.3, TailShape.SQUARE, 1.2, 0.85),
    SWALLOW("Swallow", BeakShape.CONICAL, 0.6, TailShape.FORKED, 1.5, 0.8),
    SUNBIRD("Sunbird", BeakShape.DECURVED, 2.0, TailShape.LONG_POINTED, 1.0, 0.9),
    SHRIKE("Shrike", BeakShape.HOOKED, 1.0, TailShape.LONG_POINTED, 1.0, 1.0),
    THRUSH("Thrush", BeakShape.THIN, 1.1, TailShape.SQUARE, 0.9, 1.1),
    TANAGER("Tanager", BeakShape.CONICAL, 1.0, TailShape.FAN, 0.9, 1.0),
    KINGFISHER("Kingfisher", BeakShape.DAGGER, 2.1, TailShape.SHORT, 0.6, 1.15),
    FLYCATCHER("Flycatcher", BeakShape.THIN, 0.8, TailShape.FAN, 1.0, 0.95),
    TIT("Tit", BeakShape.CONICAL, 0.6, TailShape.LONG_POINTED, 1.2, 1.1);

    public final String noun;
    public final BeakShape beak;
    public final double beakLength;
    public final TailShape tail;
    /** Tail length relative to the default. */
    public final double tailLength;
    /** Head size relative to the default. */
    public final double headScale;

    BirdGroup(String noun, BeakShape beak, double beakLength, TailShape tail, double tailLength, double headScale) {
        this.noun = noun;
        this.beak = beak;
        this.beakLength = beakLength;
        this.tail = tail;
        this.tailLength = tailLength;
        this.headScale = headScale;
    }
}
