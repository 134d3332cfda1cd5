package org.alor.synth;

/** Tail silhouettes the renderer can draw. */
public enum TailShape { SQUARE, FORKED, LONG_POINTED, FAN, SHORT }
