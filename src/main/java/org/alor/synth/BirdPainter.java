package org.alor.synth;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * Draws one bird in its own frame: facing right, body centred on the origin, body length 1.
 * The caller sets the transform (position, scale, tilt, mirroring).
 */
final class BirdPainter {
    private static final Color EYE = new Color(12, 12, 14);
    private static final Color RING = new Color(250, 250, 240);
    private static final Color LEG = new Color(70, 60, 55);

    private final Species species;
    private final BirdTraits t;
    private final boolean flying;
    private final float shade;
    private final Color beakColor;

    BirdPainter(Species species, boolean flying, SplittableRandom rnd) {
        this.species = species;
        this.t = species.traits();
        this.flying = flying;
        this.shade = (float) (0.9 + 0.2 * rnd.nextDouble());
        // beak colour is a genus trait (bright on dark birds, dark on pale ones), not a per-image choice
        this.beakColor = luminance(t.head().color()) < 110 ? new Color(236, 178, 40) : new Color(40, 36, 34);
    }

    void paint(Graphics2D g) {
        BirdGroup grp = species.group();
        double headR = 0.19 * grp.headScale;
        double hx = 0.42, hy = -0.24;

        Shape tail = tail(grp.tailLength);
        fill(g, tail, tone(t.body().color(), 0.8f));

        Shape body = new Ellipse2D.Double(-0.5, -0.3, 1.0, 0.6);
        if (flying) fill(g, farWing(), tone(t.wing().color(), 0.7f));
        g.setPaint(new GradientPaint(0f, -0.3f, tone(t.body().color(), 1.15f), 0f, 0.3f, tone(t.body().color(), 0.8f)));
        g.fill(body);
        if (!flying) legs(g);

        Shape wing = flying ? nearWing() : foldedWing();
        fill(g, wing, t.wing().color());
        pattern(g, wing);
        outline(g, wing, tone(t.wing().color(), 0.6f));

        Shape head = new Ellipse2D.Double(hx - headR, hy - headR, 2 * headR, 2 * headR);
        if (t.crest()) fill(g, crest(hx, hy, headR), tone(t.head().color(), 0.8f));
        fill(g, beak(hx + headR * 0.85, hy + headR * 0.05, headR), beakColor);
        fill(g, head, t.head().color());

        double ex = hx + headR * 0.35, ey = hy - headR * 0.2, er = headR * 0.22;
        if (t.eyeRing()) fill(g, new Ellipse2D.Double(ex - er * 2.1, ey - er * 2.1, er * 4.2, er * 4.2), RING);
        fill(g, new Ellipse2D.Double(ex - er, ey - er, 2 * er, 2 * er), EYE);
    }

    private Shape tail(double lengthFactor) {
        double len = 0.42 * lengthFactor;
        double x0 = -0.38, y0 = -0.02;
        Path2D p = new Path2D.Double();
        switch (t.tailShape()) {
            case FORKED:
                p.moveTo(x0, y0 - 0.1);
                p.lineTo(x0 - len, y0 - 0.2);
                p.lineTo(x0 - len * 0.55, y0);
                p.lineTo(x0 - len, y0 + 0.2);
                p.lineTo(x0, y0 + 0.1);
                break;
            case LONG_POINTED:
                p.moveTo(x0, y0 - 0.1);
                p.lineTo(x0 - len * 1.5, y0 + 0.02);
                p.lineTo(x0, y0 + 0.1);
                break;
            case FAN:
                p.moveTo(x0, y0 - 0.06);
                p.lineTo(x0 - len, y0 - 0.24);
                p.quadTo(x0 - len * 1.25, y0, x0 - len, y0 + 0.24);
                p.lineTo(x0, y0 + 0.06);
                break;
            case SHORT:
                p.moveTo(x0, y0 - 0.09);
                p.lineTo(x0 - len * 0.45, y0 - 0.08);
                p.lineTo(x0 - len * 0.45, y0 + 0.08);
                p.lineTo(x0, y0 + 0.09);
                break;
            default: // SQUARE
                p.moveTo(x0, y0 - 0.09);
                p.lineTo(x0 - len, y0 - 0.13);
                p.lineTo(x0 - len, y0 + 0.13);
                p.lineTo(x0, y0 + 0.09);
        }
        p.closePath();
        return p;
    }

    private Shape foldedWing() {
        Path2D p = new Path2D.Double();
        p.moveTo(0.28, -0.18);
        p.curveTo(0.1, -0.3, -0.35, -0.22, -0.62, 0.06);
        p.curveTo(-0.35, 0.16, 0.05, 0.2, 0.28, -0.18);
        p.closePath();
        return p;
    }

    private Shape nearWing() {
        // leading edge arcs up and back to the tip; the trailing edge has three feather notches
        Path2D p = new Path2D.Double();
        p.moveTo(0.2, -0.12);
        p.curveTo(0.25, -0.55, 0.0, -0.85, -0.5, -0.98);
        p.lineTo(-0.42, -0.78);
        p.lineTo(-0.55, -0.72);
        p.lineTo(-0.42, -0.55);
        p.lineTo(-0.52, -0.45);
        p.lineTo(-0.36, -0.33);
        p.lineTo(-0.42, -0.2);
        p.curveTo(-0.3, -0.1, -0.1, -0.05, 0.2, -0.12);
        p.closePath();
        return p;
    }

    private Shape farWing() {
        Path2D p = new Path2D.Double();
        p.moveTo(0.1, -0.15);
        p.curveTo(0.15, -0.45, 0.1, -0.7, -0.1, -0.85);
        p.curveTo(-0.15, -0.5, -0.2, -0.3, -0.2, -0.1);
        p.closePath();
        return p;
    }

    private void pattern(Graphics2D g, Shape wing) {
        Shape oldClip = g.getClip();
        Area clip = new Area(wing);
        if (oldClip != null) clip.intersect(new Area(oldClip));
        g.setClip(clip);
        Color dark = luminance(t.wing().color()) < 70 ? new Color(235, 235, 225) : tone(t.wing().color(), 0.35f);
        switch (t.wingPattern()) {
            case BARRED:
                g.setStroke(new BasicStroke(0.055f));
                g.setColor(dark);
                for (int i = 0; i < 4; i++) {
                    double x = 0.12 - i * 0.19;
                    g.draw(new Line2D.Double(x + 0.1, -1.0, x - 0.1, 0.3));
                }
                break;
            case SPOTTED: {
                g.setColor(new Color(250, 248, 236));
                double[][] spots = flying
                        ? new double[][]{{-0.05, -0.3}, {-0.2, -0.5}, {-0.35, -0.7}, {-0.1, -0.15}, {-0.3, -0.4}}
                        : new double[][]{{0.1, -0.1}, {-0.1, -0.08}, {-0.3, -0.02}, {0.0, 0.03}, {-0.2, 0.06}, {-0.42, 0.05}};
                for (double[] s : spots) g.fill(new Ellipse2D.Double(s[0] - 0.045, s[1] - 0.045, 0.09, 0.09));
                break;
            }
            case TIPPED:
                g.setColor(luminance(t.wing().color()) > 190 ? new Color(30, 30, 32) : new Color(246, 244, 232));
                if (flying) g.fill(new Ellipse2D.Double(-0.75, -1.1, 0.45, 0.45));
                else g.fill(new Ellipse2D.Double(-0.8, -0.15, 0.4, 0.35));
                break;
            default:
        }
        g.setClip(oldClip);
    }

    private Shape crest(double hx, double hy, double r) {
        Path2D p = new Path2D.Double();
        p.moveTo(hx + r * 0.4, hy - r * 0.7);
        p.lineTo(hx - r * 0.7, hy - r * 2.1);
        p.lineTo(hx - r * 0.35, hy - r * 1.3);
        p.lineTo(hx - r * 1.15, hy - r * 1.7);
        p.lineTo(hx - r * 0.8, hy - r * 0.3);
        p.closePath();
        return p;
    }

    private Shape beak(double bx, double by, double r) {
        double len = t.beakLength() * r * 1.1;
        Path2D p = new Path2D.Double();
        switch (t.beakShape()) {
            case CONICAL:
                p.moveTo(bx - r * 0.1, by - r * 0.42);
                p.lineTo(bx + len, by);
                p.lineTo(bx - r * 0.1, by + r * 0.42);
                break;
            case THIN:
                p.moveTo(bx - r * 0.1, by - r * 0.16);
                p.lineTo(bx + len * 1.1, by + r * 0.02);
                p.lineTo(bx - r * 0.1, by + r * 0.18);
                break;
            case HOOKED:
                p.moveTo(bx - r * 0.1, by - r * 0.35);
                p.quadTo(bx + len * 0.9, by - r * 0.4, bx + len, by + r * 0.35);
                p.quadTo(bx + len * 0.6, by + r * 0.05, bx - r * 0.1, by + r * 0.3);
                break;
            case DECURVED:
                p.moveTo(bx - r * 0.1, by - r * 0.14);
                p.quadTo(bx + len * 0.7, by - r * 0.2, bx + len, by + len * 0.45);
                p.quadTo(bx + len * 0.6, by + r * 0.1, bx - r * 0.1, by + r * 0.16);
                break;
            default: // DAGGER
                p.moveTo(bx - r * 0.1, by - r * 0.3);
                p.lineTo(bx + len, by + r * 0.02);
                p.lineTo(bx - r * 0.1, by + r * 0.3);
        }
        p.closePath();
        return p;
    }

    private void legs(Graphics2D g) {
        g.setColor(LEG);
        g.setStroke(new BasicStroke(0.035f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(0.02, 0.25, -0.02, 0.42));
        g.draw(new Line2D.Double(0.14, 0.22, 0.12, 0.42));
    }

    private static void fill(Graphics2D g, Shape s, Color c) {
        g.setColor(c);
        g.fill(s);
    }

    private static void outline(Graphics2D g, Shape s, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(0.02f));
        g.draw(s);
    }

    private Color tone(Color c, float factor) {
        float f = factor * shade;
        return new Color(clamp(c.getRed() * f), clamp(c.getGreen() * f), clamp(c.getBlue() * f));
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    /** Where the feet are in the bird's frame (for perching). */
    static double feetY() {
        return 0.42;
    }

}
