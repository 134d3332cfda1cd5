package org.alor.synth;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Renders photos of the synthetic world: a bird of a species on a sky, foliage or water background,
 * with pose, scale, position, mirroring, lighting and partial-occlusion jitter; and non-bird
 * pictures (landscapes, shapes) for the corpus' noise. Same species + seed + size = same pixels.
 */
public final class SceneRenderer {
    public enum Backdrop { SKY, STUDIO, FOLIAGE, WATER, DUSK, GROUND }

    public enum Distractor { LANDSCAPE, SHAPES, STRIPES }

    private SceneRenderer() {
    }

    /**
     * Where an image comes from. Web images (the open corpus) are clean, large, centred birds on plain
     * sky or studio backgrounds. Field photos (the task) are the domain the corpus never shows: small,
     * off-centre birds in foliage, over water or at dusk, often partly hidden, under strong colour casts,
     * with sensor noise and a softer focus.
     */
    public enum Domain {
        WEB, FIELD,
        /** Worlds of format 1 (no domain gap): corpus and task share one look; kept so they regenerate byte for byte. */
        SHARED
    }

    /** The shared (format-1) look, as before domains existed; worlds pass their domain explicitly. */
    public static BufferedImage bird(Species species, long seed, int size) {
        return bird(species, seed, size, Domain.SHARED);
    }

    public static BufferedImage bird(Species species, long seed, int size, Domain domain) {
        SplittableRandom rnd = new SplittableRandom(seed);
        if (domain == Domain.SHARED) return sharedLook(species, seed, size);
        boolean field = domain == Domain.FIELD;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.scale(size, size); // everything below is in unit coordinates
        Backdrop backdrop = field ? FIELD_BACKDROPS[rnd.nextInt(FIELD_BACKDROPS.length)] : WEB_BACKDROPS[rnd.nextInt(WEB_BACKDROPS.length)];
        background(g, backdrop, rnd);

        boolean flying = rnd.nextDouble() < (backdrop == Backdrop.FOLIAGE ? 0.1 : 0.3);
        // the bird spans up to about 1.6 body lengths (tail to beak tip); keep it mostly inside the frame
        double scale = field ? 0.34 + 0.18 * rnd.nextDouble() : 0.5 + 0.1 * rnd.nextDouble();
        double slack = Math.max(0, 1 - 1.6 * scale);
        double spread = field ? 1.0 : 0.3;
        double cx = 0.5 + (rnd.nextDouble() - 0.5) * slack * 0.9 * spread;
        double cy = 0.5 + (rnd.nextDouble() - 0.5) * slack * 0.6 * spread + (flying ? 0.3 * scale : -0.03);
        double tilt = Math.toRadians((rnd.nextDouble() - 0.5) * (field ? 40 : 12));
        boolean mirror = rnd.nextBoolean();

        placeBird(g, species, backdrop, flying, cx, cy, scale, tilt, mirror, rnd);


        if (field) {
            if (rnd.nextDouble() < 0.3) occluder(g, cx, cy, scale, rnd);
            lighting(g, rnd, 0.1, 0.2);
        } else {
            lighting(g, rnd, 0.03, 0.08);
        }
        g.dispose();
        if (field) SensorNoise.apply(img, rnd);
        return img;
    }

    /** The bird at (cx, cy), scaled, tilted and maybe mirrored, on a perch unless flying (draws perch, then bird). */
    private static void placeBird(Graphics2D g, Species species, Backdrop backdrop, boolean flying, double cx, double cy,
                                  double scale, double tilt, boolean mirror, SplittableRandom rnd) {
        AffineTransform frame = new AffineTransform();
        frame.translate(cx, cy);
        frame.rotate(tilt);
        frame.scale(mirror ? -scale : scale, scale);
        if (!flying) perch(g, frame, backdrop, rnd);
        AffineTransform saved = g.getTransform();
        g.transform(frame);
        new BirdPainter(species, flying, rnd).paint(g);
        g.setTransform(saved);
    }

    private static BufferedImage sharedLook(Species species, long seed, int size) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.scale(size, size);
        Backdrop backdrop = SHARED_BACKDROPS[rnd.nextInt(SHARED_BACKDROPS.length)];
        background(g, backdrop, rnd);
        boolean flying = rnd.nextDouble() < (backdrop == Backdrop.FOLIAGE ? 0.1 : 0.3);
        double scale = 0.38 + 0.2 * rnd.nextDouble();
        double slack = Math.max(0, 1 - 1.6 * scale);
        double cx = 0.5 + (rnd.nextDouble() - 0.5) * slack * 0.9;
        double cy = 0.5 + (rnd.nextDouble() - 0.5) * slack * 0.6 + (flying ? 0.3 * scale : -0.03);
        double tilt = Math.toRadians((rnd.nextDouble() - 0.5) * (flying ? 30 : 36));
        boolean mirror = rnd.nextBoolean();
        placeBird(g, species, backdrop, flying, cx, cy, scale, tilt, mirror, rnd);
        if (rnd.nextDouble() < 0.25) occluder(g, cx, cy, scale, rnd);
        lighting(g, rnd, 0.06, 0.16);
        g.dispose();
        return img;
    }

    private static final Backdrop[] SHARED_BACKDROPS = {Backdrop.SKY, Backdrop.FOLIAGE, Backdrop.WATER, Backdrop.DUSK};
    private static final Backdrop[] WEB_BACKDROPS = {Backdrop.SKY, Backdrop.STUDIO};
    private static final Backdrop[] FIELD_BACKDROPS = {Backdrop.FOLIAGE, Backdrop.WATER, Backdrop.DUSK, Backdrop.GROUND};

    public static BufferedImage distractor(Distractor kind, long seed, int size) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.scale(size, size);
        switch (kind) {
            case LANDSCAPE: landscape(g, rnd); break;
            case SHAPES: shapes(g, rnd); break;
            default: stripes(g, rnd);
        }
        lighting(g, rnd, 0.06, 0.16);
        g.dispose();
        return img;
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        return g;
    }

    private static void background(Graphics2D g, Backdrop b, SplittableRandom rnd) {
        switch (b) {
            case SKY: {
                vertical(g, jitter(new Color(92, 150, 214), rnd, 20), jitter(new Color(196, 222, 240), rnd, 15), 0, 1);
                for (int i = 0, n = rnd.nextInt(4); i < n; i++) cloud(g, rnd);
                break;
            }
            case STUDIO: {
                vertical(g, jitter(new Color(236, 236, 232), rnd, 12), jitter(new Color(200, 200, 196), rnd, 12), 0, 1);
                break;
            }
            case GROUND: {
                vertical(g, jitter(new Color(150, 120, 80), rnd, 25), jitter(new Color(100, 80, 55), rnd, 20), 0, 1);
                for (int i = 0; i < 40; i++) {
                    g.setColor(jitter(new Color(130, 105, 75), rnd, 45));
                    double x = rnd.nextDouble(), y = rnd.nextDouble(), r = 0.015 + 0.04 * rnd.nextDouble();
                    g.fill(new Ellipse2D.Double(x - r, y - r * 0.6, 2 * r, 1.2 * r));
                }
                break;
            }
            case DUSK: {
                vertical(g, jitter(new Color(70, 80, 140), rnd, 20), jitter(new Color(240, 170, 110), rnd, 20), 0, 1);
                for (int i = 0, n = rnd.nextInt(3); i < n; i++) cloud(g, rnd);
                break;
            }
            case FOLIAGE: {
                vertical(g, jitter(new Color(60, 110, 50), rnd, 20), jitter(new Color(30, 70, 32), rnd, 15), 0, 1);
                for (int i = 0; i < 45; i++) {
                    g.setColor(jitter(new Color(70, 130, 60), rnd, 40));
                    double x = rnd.nextDouble(), y = rnd.nextDouble(), w = 0.05 + 0.09 * rnd.nextDouble();
                    Ellipse2D leaf = new Ellipse2D.Double(-w, -w * 0.4, 2 * w, 0.8 * w);
                    AffineTransform t = AffineTransform.getTranslateInstance(x, y);
                    t.rotate(rnd.nextDouble() * Math.PI);
                    g.fill(t.createTransformedShape(leaf));
                }
                break;
            }
            default: { // WATER: sky above a horizon, water with ripples below
                double horizon = 0.3 + 0.2 * rnd.nextDouble();
                vertical(g, jitter(new Color(150, 190, 225), rnd, 15), jitter(new Color(210, 228, 238), rnd, 10), 0, horizon);
                vertical(g, jitter(new Color(60, 110, 140), rnd, 20), jitter(new Color(30, 70, 100), rnd, 15), horizon, 1);
                g.setStroke(new BasicStroke(0.012f));
                for (int i = 0; i < 14; i++) {
                    g.setColor(jitter(new Color(130, 170, 200), rnd, 30));
                    double y = horizon + (1 - horizon) * rnd.nextDouble(), x = rnd.nextDouble() - 0.1;
                    g.draw(new Line2D.Double(x, y, x + 0.1 + 0.2 * rnd.nextDouble(), y));
                }
            }
        }
    }

    private static void vertical(Graphics2D g, Color top, Color bottom, double y0, double y1) {
        g.setPaint(new GradientPaint(0f, (float) y0, top, 0f, (float) y1, bottom));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, y0, 1, y1 - y0));
    }

    private static void cloud(Graphics2D g, SplittableRandom rnd) {
        g.setColor(new Color(255, 255, 255, 150 + rnd.nextInt(90)));
        double x = rnd.nextDouble(), y = rnd.nextDouble() * 0.8, w = 0.15 + 0.2 * rnd.nextDouble();
        for (int i = 0; i < 4; i++) {
            double dx = (rnd.nextDouble() - 0.5) * w, dy = (rnd.nextDouble() - 0.5) * w * 0.3, r = w * (0.3 + 0.3 * rnd.nextDouble());
            g.fill(new Ellipse2D.Double(x + dx - r, y + dy - r * 0.6, 2 * r, 1.2 * r));
        }
    }

    /** A branch (or a post over water) under the bird's feet. */
    private static void perch(Graphics2D g, AffineTransform frame, Backdrop b, SplittableRandom rnd) {
        double[] feet = {0.05, BirdPainter.feetY() + 0.02};
        frame.transform(feet, 0, feet, 0, 1);
        double slope = (rnd.nextDouble() - 0.5) * 0.3;
        Color wood = jitter(new Color(96, 66, 40), rnd, 20);
        g.setColor(wood);
        if (b == Backdrop.WATER && rnd.nextBoolean()) {
            double w = 0.12 + 0.05 * rnd.nextDouble();
            g.fill(new java.awt.geom.Rectangle2D.Double(feet[0] - w / 2, feet[1], w, 1.0));
        } else {
            g.setStroke(new BasicStroke((float) (0.03 + 0.03 * rnd.nextDouble()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(-0.1, feet[1] + 0.012 - slope * (feet[0] + 0.1), 1.1, feet[1] + 0.012 + slope * (1.1 - feet[0])));
        }
    }

    /** Leaves or a twig in front of part of the bird. */
    private static void occluder(Graphics2D g, double cx, double cy, double scale, SplittableRandom rnd) {
        double side = rnd.nextBoolean() ? 1 : -1;
        double x = cx + side * scale * (0.3 + 0.15 * rnd.nextDouble());
        double y = cy + (rnd.nextDouble() - 0.3) * scale * 0.5;
        for (int i = 0; i < 5; i++) {
            g.setColor(jitter(new Color(54, 110, 44), rnd, 30));
            double w = 0.07 + 0.05 * rnd.nextDouble();
            Ellipse2D leaf = new Ellipse2D.Double(-w, -w * 0.35, 2 * w, 0.7 * w);
            AffineTransform t = AffineTransform.getTranslateInstance(x + (rnd.nextDouble() - 0.5) * 0.15, y + (rnd.nextDouble() - 0.5) * 0.2);
            t.rotate(rnd.nextDouble() * Math.PI);
            g.fill(t.createTransformedShape(leaf));
        }
    }

    /** Global exposure and colour cast: darker, brighter, warmer or cooler than neutral. */
    private static void lighting(Graphics2D g, SplittableRandom rnd, double minAlpha, double alphaRange) {
        double r = rnd.nextDouble();
        Color cast;
        if (r < 0.3) cast = new Color(0, 0, 0);
        else if (r < 0.5) cast = new Color(255, 255, 255);
        else if (r < 0.65) cast = new Color(255, 170, 60);
        else if (r < 0.8) cast = new Color(60, 110, 255);
        else return;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (minAlpha + alphaRange * rnd.nextDouble())));
        g.setColor(cast);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, 1, 1));
        g.setComposite(AlphaComposite.SrcOver);
    }

    private static void landscape(Graphics2D g, SplittableRandom rnd) {
        vertical(g, jitter(new Color(110, 160, 220), rnd, 40), jitter(new Color(230, 210, 180), rnd, 30), 0, 1);
        if (rnd.nextBoolean()) {
            g.setColor(jitter(new Color(250, 220, 120), rnd, 20));
            double r = 0.05 + 0.07 * rnd.nextDouble();
            g.fill(new Ellipse2D.Double(rnd.nextDouble() * 0.8, 0.1 + 0.2 * rnd.nextDouble(), r * 2, r * 2));
        }
        for (int layer = 0; layer < 3; layer++) {
            g.setColor(jitter(new Color(70 - layer * 15, 110 - layer * 20, 70 - layer * 10), rnd, 25));
            Path2D hills = new Path2D.Double();
            double base = 0.5 + layer * 0.15;
            hills.moveTo(0, 1);
            for (int i = 0; i <= 6; i++) hills.lineTo(i / 6.0, base - rnd.nextDouble() * 0.2);
            hills.lineTo(1, 1);
            hills.closePath();
            g.fill(hills);
        }
    }

    private static void shapes(Graphics2D g, SplittableRandom rnd) {
        g.setColor(randomColor(rnd));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, 1, 1));
        for (int i = 0, n = 3 + rnd.nextInt(6); i < n; i++) {
            g.setColor(randomColor(rnd));
            double x = rnd.nextDouble() * 0.8, y = rnd.nextDouble() * 0.8, w = 0.1 + 0.3 * rnd.nextDouble(), h = 0.1 + 0.3 * rnd.nextDouble();
            switch (rnd.nextInt(3)) {
                case 0: g.fill(new Ellipse2D.Double(x, y, w, h)); break;
                case 1: g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h)); break;
                default: {
                    Path2D p = new Path2D.Double();
                    p.moveTo(x, y + h);
                    p.lineTo(x + w / 2, y);
                    p.lineTo(x + w, y + h);
                    p.closePath();
                    g.fill(p);
                }
            }
        }
    }

    private static void stripes(Graphics2D g, SplittableRandom rnd) {
        Color a = randomColor(rnd), b = randomColor(rnd);
        int n = 3 + rnd.nextInt(8);
        boolean vertical = rnd.nextBoolean();
        for (int i = 0; i < n; i++) {
            g.setColor(i % 2 == 0 ? a : b);
            double s = i / (double) n;
            g.fill(vertical ? new java.awt.geom.Rectangle2D.Double(s, 0, 1.0 / n, 1)
                    : new java.awt.geom.Rectangle2D.Double(0, s, 1, 1.0 / n));
        }
    }

    private static Color randomColor(SplittableRandom rnd) {
        return new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256));
    }

    private static Color jitter(Color c, SplittableRandom rnd, int amount) {
        int d = rnd.nextInt(2 * amount + 1) - amount;
        return new Color(clamp(c.getRed() + d + rnd.nextInt(11) - 5), clamp(c.getGreen() + d + rnd.nextInt(11) - 5),
                clamp(c.getBlue() + d + rnd.nextInt(11) - 5));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
