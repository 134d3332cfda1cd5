package org.alor.cli;

import java.lang.management.ManagementFactory;

/** Process CPU time (all threads, native ones included), to read throughput on a shared, loaded machine. */
final class CpuClock {
    private CpuClock() {
    }

    /** Nanoseconds of CPU used by this process so far, or −1 when the JVM cannot tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    static String perCpuSecond(long cpuStart, double items, String unit) {
        long cpu = processCpuNanos();
        if (cpuStart < 0 || cpu < 0) {
            return "";
        }
        double seconds = (cpu - cpuStart) / 1e9;
        return String.format(" [process CPU %.1f s → %.2f %s per CPU-second]", seconds, items / seconds, unit);
    }
}
