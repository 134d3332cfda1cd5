package org.alor.synth;

/**
 * The visual identity of a species: what the renderer draws and what a classifier has to learn.
 *
 * @param body        body and tail colour
 * @param wing        wing colour
 * @param head        head colour (a crest takes the same colour, darker)
 * @param beakShape   beak silhouette
 * @param beakLength  beak length relative to the head radius (0.6 short .. 2.2 long)
 * @param tailShape   tail silhouette
 * @param crest       whether the head carries a crest
 * @param eyeRing     whether the eye has a pale ring
 * @param wingPattern wing markings
 */
public record BirdTraits(Plumage body, Plumage wing, Plumage head, BeakShape beakShape, double beakLength,
                         TailShape tailShape, boolean crest, boolean eyeRing, WingPattern wingPattern) {

    /** How many of the visible traits differ (colours, beak, tail, crest, eye ring, pattern). */
    public int differences(BirdTraits o) {
        int d = 0;
        if (body != o.body) d++;
        if (wing != o.wing) d++;
        if (head != o.head) d++;
        if (beakShape != o.beakShape || Math.abs(beakLength - o.beakLength) > 0.35) d++;
        if (tailShape != o.tailShape) d++;
        if (crest != o.crest) d++;
        if (eyeRing != o.eyeRing) d++;
        if (wingPattern != o.wingPattern) d++;
        return d;
    }

    public BirdTraits withBody(Plumage p) {
        return new BirdTraits(p, wing, head, beakShape, beakLength, tailShape, crest, eyeRing, wingPattern);
    }

    public BirdTraits withWing(Plumage p) {
        return new BirdTraits(body, p, head, beakShape, beakLength, tailShape, crest, eyeRing, wingPattern);
    }

    public BirdTraits withHead(Plumage p) {
        return new BirdTraits(body, wing, p, beakShape, beakLength, tailShape, crest, eyeRing, wingPattern);
    }

    public BirdTraits withBeakLength(double l) {
        return new BirdTraits(body, wing, head, beakShape, l, tailShape, crest, eyeRing, wingPattern);
    }

    public BirdTraits withCrest(boolean c) {
        return new BirdTraits(body, wing, head, beakShape, beakLength, tailShape, c, eyeRing, wingPattern);
    }

    public BirdTraits withEyeRing(boolean e) {
        return new BirdTraits(body, wing, head, beakShape, beakLength, tailShape, crest, e, wingPattern);
    }

    public BirdTraits withWingPattern(WingPattern w) {
        return new BirdTraits(body, wing, head, beakShape, beakLength, tailShape, crest, eyeRing, w);
    }
}
