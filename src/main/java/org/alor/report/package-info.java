/**
 * Charts drawn for reports, as PNG files (JFreeChart, headless): accuracy by round and per-class accuracy of an
 * experiment, and the long tail of retrieved images per class. Beside {@code loop}: it reads retrieval's class
 * statistics and plain numbers, and {@code loop}, {@code cli} and {@code app} call it; it calls none of them.
 */
package org.alor.report;
