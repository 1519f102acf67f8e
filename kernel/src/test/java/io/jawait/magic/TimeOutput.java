package io.jawait.magic;

/** Reads figures back from what %time prints, for tests. */
public final class TimeOutput {
    private TimeOutput() {}

    /** The seconds of the "Wall time: ..." line. */
    public static double wallSeconds(String printed) {
        String wall = printed.lines().filter(l -> l.startsWith("Wall time: ")).findFirst().orElseThrow();
        return seconds(wall.substring("Wall time: ".length()));
    }

    /** The seconds of the total in the "CPU times: user ..., sys: ..., total: ..." line. */
    public static double cpuTotalSeconds(String printed) {
        String cpu = printed.lines().filter(l -> l.startsWith("CPU times: ")).findFirst().orElseThrow();
        return seconds(cpu.substring(cpu.indexOf("total: ") + "total: ".length()));
    }

    /** The seconds of the "Compiler : ..." line, which %time prints when compiling took long enough to notice. */
    public static double compilerSeconds(String printed) {
        String compiler = printed.lines().filter(l -> l.startsWith("Compiler : ")).findFirst().orElseThrow();
        return seconds(compiler.substring("Compiler : ".length()));
    }

    private static double seconds(String figure) {
        String[] parts = figure.strip().split(" ");
        double scale = switch (parts[1]) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "\u00b5s" -> 1e-6;
            default -> 1e-9;
        };
        return Double.parseDouble(parts[0]) * scale;
    }
}
