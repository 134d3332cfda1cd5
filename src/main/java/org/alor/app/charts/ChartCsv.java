package org.alor.app.charts;

import org.alor.data.ClassInfo;
import org.alor.store.MetricRow;

import java.util.Locale;
import java.util.Map;

/** The data behind each chart as CSV (comma-separated, header row, '.' decimals). */
public final class ChartCsv {
    private ChartCsv() {
    }

    public static String overall(ChartData d) {
        StringBuilder sb = new StringBuilder("run,round,method,strategy,accuracy,macro_f1,support,correct\n");
        if (d.zeroShot() != null) sb.append("zero-shot,,ZS,,").append(num(d.zeroShot())).append(",,,\n");
        for (ChartData.Run run : d.runs()) {
            for (Map.Entry<Integer, MetricRow> e : run.overall().entrySet()) {
                MetricRow m = e.getValue();
                ChartData.RoundName name = run.roundNames().get(e.getKey());
                sb.append(quote(run.name())).append(',').append(e.getKey()).append(',')
                        .append(name == null ? "" : quote(name.method())).append(',')
                        .append(name == null ? "" : quote(name.strategy())).append(',')
                        .append(num(m.accuracy())).append(',')
                        .append(m.macroF1() == null ? "" : num(m.macroF1())).append(',').append(m.support()).append(',')
                        .append(m.correct()).append('\n');
            }
        }
        return sb.toString();
    }

    public static String perClass(ChartData d) {
        StringBuilder sb = new StringBuilder("class_id,class,tail,round,accuracy\n");
        for (ClassInfo c : d.classes()) {
            for (Map.Entry<Integer, Double> e : d.perClass().getOrDefault(c.id(), new java.util.TreeMap<>()).entrySet()) {
                sb.append(c.id()).append(',').append(quote(c.name())).append(',').append(d.tailClasses().contains(c.id()))
                        .append(',').append(e.getKey()).append(',').append(num(e.getValue())).append('\n');
            }
        }
        return sb.toString();
    }

    public static String counts(ChartData d) {
        StringBuilder sb = new StringBuilder("class_id,class,labeled,retrieved\n");
        for (ClassInfo c : d.classes()) {
            sb.append(c.id()).append(',').append(quote(c.name())).append(',').append(d.labeled().getOrDefault(c.id(), 0))
                    .append(',').append(d.retrieved().getOrDefault(c.id(), 0)).append('\n');
        }
        return sb.toString();
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
