/**
 * Charts drawn for reports, as PNG files (JFreeChart, headless): accuracy by round and per-class accuracy of an
 * experiment, and the long tail of retrieved images per class. Beside {@code loop}: it reads retrieval's class
 * statistics and plain numbers, and {@code loop}, {@code cli} and {@code app} call it; it calls none of them. Also what
 * went wrong in a round: the class pairs its val predictions confuse ({@link org.alor.report.RoundConfusion}, read from
 * the store) and the classes that lost most when accuracy fell ({@link org.alor.report.AccuracyDrops}).
 */
package org.alor.report;
