package org.alor.synth;

import java.awt.Color;

/** Plumage colours, each with the English word used in common names and a Latin root for epithets. */
public enum Plumage {
    CRIMSON(196, 28, 44, "Crimson", "rubr"),
    TAWNY(222, 128, 36, "Tawny", "fulv"),
    GOLDEN(238, 202, 36, "Golden", "aure"),
    OLIVE(118, 128, 46, "Olive", "olivace"),
    EMERALD(28, 150, 78, "Emerald", "smaragdin"),
    TEAL(24, 138, 142, "Teal", "thalassin"),
    AZURE(48, 116, 222, "Azure", "cyan"),
    INDIGO(62, 46, 148, "Indigo", "indig"),
    RUFOUS(166, 78, 38, "Rufous", "ruf"),
    CHESTNUT(102, 48, 26, "Chestnut", "castane"),
    SLATE(84, 96, 112, "Slate", "schistace"),
    ASHY(172, 172, 168, "Ashy", "cinere"),
    IVORY(242, 236, 214, "Ivory", "alb"),
    SOOTY(32, 30, 32, "Sooty", "nigr"),
    ROSY(232, 136, 160, "Rosy", "rose");

    private final int r, g, b;
    public final String word;
    public final String latinRoot;

    Plumage(int r, int g, int b, String word, String latinRoot) {
        this.r = r;
        this.g = g;
        this.b = b;
        this.word = word;
        this.latinRoot = latinRoot;
    }

    public Color color() {
        return new Color(r, g, b);
    }
}
