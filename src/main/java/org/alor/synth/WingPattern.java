package org.alor.synth;

/** Markings drawn on the folded or raised wing. */
public enum WingPattern { PLAIN, BARRED, SPOTTED, TIPPED }
