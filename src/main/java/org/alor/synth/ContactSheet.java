package org.alor.synth;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Grids of rendered birds for looking at the world (no text: fonts vary between machines). */
public final class ContactSheet {
    private static final int GAP = 4;

    private ContactSheet() {
    }

    /** One row per species, {@code samples} renders each. */
    public static BufferedImage of(List<Species> species, long seed, int samples, int tile) {
        BufferedImage sheet = blank(samples, species.size(), tile);
        Graphics2D g = sheet.createGraphics();
        for (int r = 0; r < species.size(); r++) {
            for (int c = 0; c < samples; c++) {
                draw(g, SceneRenderer.bird(species.get(r), Seeds.mix(seed, Seeds.SHEET, r, c), tile), r, c, tile);
            }
        }
        g.dispose();
        return sheet;
    }

    /** {@code rows × cols} renders of one species: pose, scale, background, lighting and occlusion jitter. */
    public static BufferedImage variation(Species species, long seed, int rows, int cols, int tile) {
        BufferedImage sheet = blank(cols, rows, tile);
        Graphics2D g = sheet.createGraphics();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                draw(g, SceneRenderer.bird(species, Seeds.mix(seed, Seeds.SHEET, species.id(), r * cols + c), tile), r, c, tile);
            }
        }
        g.dispose();
        return sheet;
    }

    private static BufferedImage blank(int cols, int rows, int tile) {
        BufferedImage sheet = new BufferedImage(cols * (tile + GAP) + GAP, rows * (tile + GAP) + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(new Color(245, 245, 242));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.dispose();
        return sheet;
    }

    private static void draw(Graphics2D g, BufferedImage img, int r, int c, int tile) {
        g.drawImage(img, GAP + c * (tile + GAP), GAP + r * (tile + GAP), null);
    }
}
