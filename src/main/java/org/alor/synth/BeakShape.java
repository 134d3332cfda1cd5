package org.alor.synth;

/** Beak silhouettes the renderer can draw. */
public enum BeakShape { CONICAL, THIN, HOOKED, DECURVED, DAGGER }
