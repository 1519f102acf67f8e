"""%timeit through the real kernel process against JMH, statement by statement: figures, not a test.

    /usr/bin/python3 kernel/bench/timeit_vs_jmh.py --java JAVA --jar JAR --classpath CP --flags FILE
        [--forks F] [--stop-check-ab] [ITERATIONS]

kernel/bench/timeit-vs-jmh.sh builds and passes these. The kernel is this build's jar, started by Debian's
jupyter_client from a throwaway kernelspec with the installed kernel's JVM flags; each %timeit is a cell sent
to it (`var benchResult = %timeit -q -o ...`). JMH times each benchmark twice, with 3 warm-up and ITERATIONS
measured 1 s iterations: in that same kernel process, right after the %timeit, from a cell
(TimeitVsJmh.inThisJvm, no fork), and in a fresh JVM started with the same flags
(io.jawait.timing.bench.TimeitVsJmh --jmh NAME: one fork), twice: as it starts, and primed.

Three references, because they answer three questions. JMH in the kernel holds the JVM fixed: the same heap
(JShell's and javac's objects, which every young collection scans as roots), the same JDK method profiles (javac
trained them), the same machine moment. %timeit against it says whether %timeit measures as JMH does. JMH in a fork
says what the statement costs in a JVM that holds nothing else, and %timeit against it adds what the kernel's JVM
itself costs the statement: for an allocating statement (ArrayList) each young collection has more roots to scan in
the kernel, and JMH run in the kernel pays the same. Which roots, sampled with `perf record -e cpu-clock` on the VM
thread (Serial collects there) during %timeit of ArrayList: a third of each young pause went to the weak roots
(WeakProcessor::weak_oops_do and its two closures), every entry of which each young collection visits, whether old or
young: the interned strings of every class that ran, javac's message keys, the security providers that sign
the messages, and so on; some 7,800 in the kernel (-Xlog:oopstorage+blocks, 122 blocks of 64) against 2,600-3,000 in
a JMH fork (-XX:+PrintStringTableStatistics). Another fifth went to walking the interpreted frames of the kernel's
threads (the engine thread's stack is deep), a sixth to old objects on dirty cards. Median young pause 46-48 us in
the kernel, 25 us in the fork. A plain program reproduces it: 15 us, 30 us after a JShell of seven snippets in the
same JVM (4,070 interned strings against 284), with the weak roots again the largest part. The primed fork
(JmhBenchmarks.primeJdkProfiles) is that fresh JVM after two JDK branches have taken their rare side, as they have
in any JVM that has run a JShell session, the kernel's too: it separates the part of that cost that is the JDK's
profiles (C2 compiles ArrayList's loops to slower code once those branches have been seen) from the part that is
the kernel's heap. The kernel for this is started
with the kernel's flags plus what JMH gives its forks (its compiler hints file, which names only JMH's generated
stubs and the JmhBenchmarks methods, and its compiler blackhole), and with the test classes and JMH's jars added by
%classpath; none of that touches %timeit's loop.

The collections are counted on every side, so that the run shows that cost rather than asserting it: around
each %timeit and each JMH-in-the-kernel cell the kernel's GarbageCollectorMXBeans are read (the whole cell, warm-up
included), and the fork runs JMH's GC profiler (its measured iterations). The report gives each side's collections
a second, their mean pause and their share of the time, and %timeit against the fork with both shares taken out.
The collectors' own time leaves out bringing the threads to a safepoint and waking them again, so the shares are
lower bounds, and the ratio without them still carries that part of the collections.

Forks on both sides. One JVM is one sample of things that do not repeat within it: the JIT's choices for that
compilation, where the code and the heap land, the young generation's size as the heap grew. Measured on this
machine (2 cores, other processes around), five JMH forks of one benchmark differed by up to 50% from each other
while iterations within a fork agreed within a few per cent, so one fork per side compares two draws. The bench
therefore runs F rounds (default 3), each a fresh kernel process that times every statement with %timeit and then
with JMH in the kernel, then two JMH forks of every benchmark (as it starts, primed), so that all four of a round
see about the same machine load. A column's figure is the median of its F means, and a ratio is the ratio of two
medians: a median, not a mean, because a round that another process disturbed is an outlier on one side only, and
with three rounds the median drops it where the mean would carry a third of it. Each column's spread
((max-min)/median of its means) says which side moved. The five repeated %timeits of the first statement run in the
last round's kernel, one after the other, as a learner repeats a cell; the empty statement is timed in every round.
With F = 3 the bench takes about eleven minutes.

Each round also times every statement with %timeit -f, which compiles it as a program of its own and times it in a
fresh JVM started with the kernel's flags (less its start-up cache), as JMH forks: its reference is the JMH fork. A
fork has none of the session's variables, so the kernel imports ForkInputs statically, whose fields hold the same
inputs; in the session its own variables of those names win over that import.

What a fresh JVM makes of the ArrayList statement depends on C2's choices more than on how it is timed. Timed by
hand (io.jawait.timing.ForkedTimeit on hand-written loop classes, fresh JVMs with the kernel's flags, best of 7 runs
of 50,000 loops): as a method of its own that C2 may inline or not (%timeit -f's shape), 2.8-3.2 us in 3 JVMs of 3,
C2 having compiled it alone and left it out of the loop (-XX:+PrintInlining: "already compiled into a big method";
2.9-3.0 us in 4 more with inlining forbidden); the same after the two JDK branches of JmhBenchmarks.primeJdkProfiles
took their rare side, 5.5 us in 3 of 3, C2 having inlined it; inlined by -XX:CompileCommand=inline (what JMH's hints
do for its benchmark methods), 4.7-5.3 us in 5 of 5, and 4.5-4.6 us in 4 with JMH's loop (do/while on a volatile
flag); written inside the loop (the kernel's shape), 4.0-4.2 us unprimed (3.0 or 4.7 us in earlier runs) and 3.0-3.7
us primed, 3 each. JMH's forks, 2.9-3.5 us (8 forks in two runs of this bench). The other statements move by a few
per cent between JVMs, so for them the fork columns say what they seem to; for ArrayList one JVM against another
compares two of C2's plans.

--stop-check-ab adds, for each statement with a loop of its own, %timeit (which measures a copy of its loop
without JShell's stop checks in the statement) against the same loop class run as JShell loaded it (a check
before every backward branch), alternated three times in the one kernel so that both see the same load.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from queue import Empty

MAIN = "io.jawait.timing.bench.TimeitVsJmh"
COLUMNS = ("%timeit", "JMH kernel", "JMH fork", "JMH primed")


def jvm_flags(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.strip().startswith("#")]


def jmh_flags(classpath):
    """What JMH gives its forks, for JMH run inside the kernel: the compiler hints that the annotation processor
    wrote into the test classes, and the compiler blackhole."""
    test_classes = next(p for p in classpath if os.path.isdir(os.path.join(p, "META-INF")))
    return [f"-XX:CompileCommandFile={os.path.join(test_classes, 'META-INF', 'CompilerHints')}",
            "-XX:CompileCommand=blackhole,org.openjdk.jmh.infra.Blackhole::consumeCompiler",
            "-Djmh.blackhole.mode=COMPILER"]


def write_kernelspec(home, java, flags, jar):
    spec = os.path.join(home, "kernels", "jawait")
    os.makedirs(spec)
    with open(os.path.join(spec, "kernel.json"), "w", encoding="utf-8") as f:
        json.dump({"argv": [java, *flags, "-jar", os.path.abspath(jar), "kernel", "{connection_file}"],
                   "display_name": "Java (jawait, bench build)", "language": "java",
                   "interrupt_mode": "message"}, f)


class Kernel:
    """The kernel process and a blocking client; `value(code)` returns a cell's text/plain result."""

    def __init__(self, classpath):
        from jupyter_client.manager import KernelManager
        self.km = KernelManager(kernel_name="jawait")
        self.km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        # the test classes (JmhBenchmarks, JMH's generated stubs, TimeitVsJmh) and JMH itself, for jmh_here
        self.value("%classpath " + " ".join(classpath))

    def value(self, code, timeout=600):
        msg_id = self.kc.execute(code, allow_stdin=False)
        result, error = None, None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "execute_result":
                result = content["data"].get("text/plain")
            elif kind == "error":
                error = f'{content["ename"]}: {content["evalue"]}'
            elif kind == "status" and content["execution_state"] == "idle":
                if error:
                    raise RuntimeError(f"{code!r} failed: {error}")
                return result
        raise TimeoutError(f"{code!r}: no idle within {timeout} s")

    def timeit(self, statement, fork=False):
        """Mean and best seconds per loop; with fork, of %timeit -f (the statement timed in a fresh JVM)."""
        self.value(f"var benchResult = %timeit -q -o {'-f ' if fork else ''}{statement}")
        mean, best = self.value('benchResult.mean() + " " + benchResult.best()').strip('"').split()
        return float(mean), float(best)

    def gc_snapshot(self):
        """(seconds, collections, collection seconds) of the kernel's JVM so far."""
        nanos, count, millis = self.value("io.jawait.timing.bench.TimeitVsJmh.gcSnapshot()").strip('"').split()
        return int(nanos) / 1e9, int(count), int(millis) / 1e3

    def with_gc(self, measure):
        """measure()'s value, and Collections over the cell that ran it."""
        before = self.gc_snapshot()
        value = measure()
        after = self.gc_snapshot()
        return value, Collections(*(a - b for a, b in zip(after, before)))

    def jmh_here(self, name, iterations):
        """Mean seconds per operation of JMH benchmark `name` run in this kernel's JVM (no fork)."""
        out = self.value(f'io.jawait.timing.bench.TimeitVsJmh.inThisJvm("{name}", {iterations})', timeout=900)
        return float(out.strip('"').split()[0])

    def checked(self, name, statement):
        """Mean and best seconds per loop of the statement in a loop class measured as JShell loaded it."""
        prefix, last = statement.rsplit(";", 1)
        cls = f"Checked_{name}_{self.checked_count}"
        self.checked_count += 1
        self.value(f"public class {cls} implements io.jawait.timing.TimedLoop {{\n"
                   f"  private final io.jawait.timing.Blackhole bh = new io.jawait.timing.Blackhole();\n"
                   f"  public long timeLoops(long loops) {{ long t0 = System.nanoTime();\n"
                   f"    for (long j = 0; j < loops; j++) {{ {prefix}; bh.consume({last}); }}\n"
                   f"    return System.nanoTime() - t0; }} }}")
        self.value(f"var checkedResult = new io.jawait.timing.TimeitRunner(0, 7, -1).run(new {cls}(), 0);")
        mean, best = self.value('checkedResult.mean() + " " + checkedResult.best()').strip('"').split()
        return float(mean), float(best)

    checked_count = 0

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


class Collections:
    """The young (and any full) collections during a measurement: how many, and the share of its time they took.
    The collectors' own time (GarbageCollectorMXBean), which leaves out stopping and restarting the threads, so
    the share is a lower bound."""

    def __init__(self, seconds, count, gc_seconds):
        self.seconds, self.count, self.gc_seconds = seconds, count, gc_seconds

    def share(self):
        return self.gc_seconds / self.seconds if self.seconds > 0 else float("nan")

    def pause(self):
        return self.gc_seconds / self.count if self.count else float("nan")


def jmh(args, flags, name, primed=False):
    """Mean seconds per operation of one JMH fork (primed: its JDK profiles primed first), and Collections over
    its measured iterations (JMH's GC profiler: ITERATIONS of 1 s each)."""
    command = [args.java, *flags, "-cp", args.classpath, MAIN, "--jmh", name, str(args.iterations)]
    out = subprocess.run(command + (["primed"] if primed else []), check=True, capture_output=True, text=True).stdout
    fields = next(l for l in out.splitlines() if l.startswith(f"jmh {name} ")).split()
    count, millis = float(fields[4]), float(fields[5])
    # the profiler reports no time at all for iterations without a collection
    gc_seconds = 0.0 if math.isnan(millis) else millis / 1e3
    return float(fields[2]), Collections(float(args.iterations), int(count), gc_seconds)


def seconds(s):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        # compared as printed, so that 0.000999999 s reads 1 ms rather than 1e+03 µs
        if float(f"{s / scale:.3g}") >= 1 or unit == "ns":
            return f"{s / scale:.3g} {unit}"


def load():
    with open("/proc/loadavg", encoding="ascii") as f:
        return f.read().strip()


def cpu_ticks():
    """(steal, total) jiffies of all CPUs since boot: on a VM, steal is time the host gave the cores to others."""
    with open("/proc/stat", encoding="ascii") as f:
        fields = [int(v) for v in f.readline().split()[1:9]]
    return fields[7], sum(fields)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for option in ("--java", "--jar", "--classpath", "--flags"):
        p.add_argument(option, required=True)
    p.add_argument("iterations", type=int, nargs="?", default=5, help="JMH measurement iterations of 1 s")
    p.add_argument("--forks", type=int, default=3, help="fresh kernels and JMH forks per benchmark (default 3)")
    p.add_argument("--stop-check-ab", action="store_true", help="also %%timeit's copy against the checked loop")
    args = p.parse_args()
    if args.forks < 1 or args.iterations < 1:
        p.error("--forks and ITERATIONS must be at least 1")
    flags = jvm_flags(args.flags)
    # everything on the bench's classpath but the kernel jar, absolute: the kernel adds it for JMH in the kernel
    extra = [os.path.abspath(p) for p in args.classpath.split(os.pathsep)
             if os.path.abspath(p) != os.path.abspath(args.jar)]
    spec = json.loads(subprocess.run([args.java, "-cp", args.classpath, MAIN, "--workloads"], check=True,
                                     capture_output=True, text=True).stdout)
    names = [name for name, _ in spec["workloads"]] + ["empty"]
    statements = dict(spec["workloads"], empty=spec["empty"])
    print(f"%timeit through the kernel process (jupyter_client), JMH in that kernel and in a JVM with the same "
          f"flags; {args.forks} rounds of a fresh kernel then two JMH forks per benchmark; load average at start: "
          f"{load()}", flush=True)
    timeit_forks = {name: [] for name in names}
    timeit_f = {name: [] for name in names}
    jmh_kernels = {name: [] for name in names}
    jmh_forks = {name: [] for name in names}
    jmh_primed = {name: [] for name in names}
    # the collections during each measurement, per column: one cost the kernel's JVM and a fresh one do not share
    collections = {column: {name: [] for name in names} for column in COLUMNS}
    repeats = []
    ticks_at_start = cpu_ticks()
    with tempfile.TemporaryDirectory() as home:
        write_kernelspec(home, args.java, flags + jmh_flags(extra), args.jar)
        os.environ["JUPYTER_PATH"] = home
        for round_ in range(args.forks):
            last = round_ == args.forks - 1
            repeats = kernel_round(spec, statements, names, extra, args.iterations, timeit_forks, timeit_f,
                                   jmh_kernels, collections, round_ == 0, 5 if last else 0,
                                   args.stop_check_ab and last)
            for name in names:
                mean, gcs = jmh(args, flags, name)
                jmh_forks[name].append(mean)
                collections["JMH fork"][name].append(gcs)
                mean, gcs = jmh(args, flags, name, primed=True)
                jmh_primed[name].append(mean)
                collections["JMH primed"][name].append(gcs)
            print(f"round {round_ + 1}: " + ", ".join(
                f"{name} {seconds(timeit_forks[name][-1])}/{seconds(jmh_kernels[name][-1])}/"
                f"{seconds(timeit_f[name][-1])}/{seconds(jmh_forks[name][-1])}/{seconds(jmh_primed[name][-1])}"
                for name in names)
                + " (%timeit/JMH in the kernel/%timeit -f/JMH fork/primed fork)", flush=True)
    report(timeit_forks, jmh_kernels, jmh_forks, jmh_primed, collections, spec["workloads"][0][1], repeats,
           ticks_at_start)
    report_fork(timeit_f, jmh_forks)


def kernel_round(spec, statements, names, classpath, iterations, timeit_forks, timeit_f, jmh_kernels, collections,
                 show_jvm, repeat, stop_checks):
    """One fresh kernel: every statement by %timeit, then by JMH in the kernel, then by %timeit -f (means per loop
    into timeit_forks, jmh_kernels and timeit_f, the collections during the first two cells into collections),
    then `repeat` repeats of the first statement's %timeit; returns their means."""
    kernel = Kernel(classpath)
    try:
        if show_jvm:
            print(kernel.value("%jvm") or "", flush=True)
        for cell in spec["setup"]:
            kernel.value(cell)
        # a fork has none of the session's variables: it reads the same inputs from ForkInputs' static fields
        kernel.value("import static io.jawait.timing.bench.ForkInputs.*;")
        for name in names:
            (mean, _), gcs = kernel.with_gc(lambda: kernel.timeit(statements[name]))
            timeit_forks[name].append(mean)
            collections["%timeit"][name].append(gcs)
            mean, gcs = kernel.with_gc(lambda: kernel.jmh_here(name, iterations))
            jmh_kernels[name].append(mean)
            collections["JMH kernel"][name].append(gcs)
            timeit_f[name].append(kernel.timeit(statements[name], fork=True)[0])
        repeats = [kernel.timeit(statements[names[0]])[0] for _ in range(repeat)]
        if stop_checks:
            stop_check_ab(kernel, spec["workloads"])
        return repeats
    finally:
        kernel.close()


def stop_check_ab(kernel, workloads):
    print("\nstop checks in the statement's own loops: %timeit's copy (without) against the checked loop (with)")
    for name, statement in workloads:
        if "for (" not in statement:
            continue
        copy, checked = [], []
        for _ in range(3):
            copy.append(kernel.timeit(statement))
            checked.append(kernel.checked(name, statement))
        # the best run of each is the one other processes disturbed least: on a shared machine the fairer figure
        best_copy, best_checked = min(c[1] for c in copy), min(c[1] for c in checked)
        print(f"{name:16} means: copy {[seconds(c[0]) for c in copy]}, checked {[seconds(c[0]) for c in checked]}; "
              f"best: copy {seconds(best_copy)}, checked {seconds(best_checked)}, checked/copy "
              f"{best_checked / best_copy:.3f}", flush=True)


def report(timeit_forks, jmh_kernels, jmh_forks, jmh_primed, collections, first, repeats, ticks_at_start):
    print("\nmedians over the rounds (each a fresh kernel, and a JMH fork); spread = (max-min)/median over the rounds")
    print("JMH kernel = JMH in the kernel's JVM, no fork: the ratio says whether %timeit measures as JMH does (see the "
          "top of timeit_vs_jmh.py);\nJMH fork = a fresh JVM with the same flags: the ratio adds what the kernel's JVM "
          "costs the statement;\nJMH primed = that JVM with two JDK branch profiles primed as JShell leaves them: the "
          "ratio leaves out what the JDK's profiles cost")
    print("benchmark        %timeit      JMH kernel   JMH fork     JMH primed   /kernel  /fork    /primed  "
          "spreads: %timeit  kernel  fork    primed")
    for name, t in timeit_forks.items():
        k, j, p = jmh_kernels[name], jmh_forks[name], jmh_primed[name]
        t_med, k_med, j_med, p_med = (statistics.median(v) for v in (t, k, j, p))
        print(f"{name:16} {seconds(t_med):12} {seconds(k_med):12} {seconds(j_med):12} {seconds(p_med):12} "
              f"{t_med / k_med:.3f}    {t_med / j_med:.3f}    {t_med / p_med:.3f}             {spread(t):8} "
              f"{spread(k):7} {spread(j):7} {spread(p)}")
    for name, t in timeit_forks.items():
        print(f"  {name:14} %timeit {[seconds(v) for v in t]}  JMH kernel {[seconds(v) for v in jmh_kernels[name]]}"
              f"  JMH fork {[seconds(v) for v in jmh_forks[name]]}"
              f"  JMH primed {[seconds(v) for v in jmh_primed[name]]}")
    report_collections(timeit_forks, jmh_forks, collections)
    if repeats:
        mean = statistics.mean(repeats)
        print(f"\n5 x %timeit {first} in one kernel: {[seconds(r) for r in repeats]}; (max-min)/mean "
              f"{100 * (max(repeats) - min(repeats)) / mean:.1f}%, std/mean "
              f"{100 * statistics.pstdev(repeats) / mean:.1f}%")
    print(f"empty statement: %timeit {seconds(statistics.median(timeit_forks['empty']))} per loop (median of "
          f"forks; JMH empty(): {seconds(statistics.median(jmh_forks['empty']))})")
    print(f"load average at end: {load()}")
    steal, total = (end - start for end, start in zip(cpu_ticks(), ticks_at_start))
    print(f"steal time during the run: {100 * steal / max(total, 1):.1f}% of CPU time (a VM's host running others on "
          "its cores; with more than a few per cent, forks differ by far more than the workloads do)")
    print("The numbers above are just data: one machine, one run, other processes may share it.")


def report_collections(timeit_forks, jmh_forks, collections):
    """Per benchmark and column: collections a second, their mean pause and their share of the measurement
    (medians over the rounds), then %timeit against the fork with each side's share of collection time taken
    out, which says how much of the ratio the collections account for."""
    print("\ncollections during the measurements (medians over the rounds; %timeit and JMH kernel: the whole cell, "
          "from the kernel's GarbageCollectorMXBeans;\nJMH fork: its measured iterations, JMH's GC profiler): "
          "a second, mean pause, share of the time; the collectors' own time, so a lower bound")
    print("benchmark        " + "".join(f"{column:31}" for column in COLUMNS) + "/fork without collections")
    for name, t in timeit_forks.items():
        cells, shares = [], {}
        for column in COLUMNS:
            gcs = collections[column][name]
            rate = statistics.median(g.count / g.seconds for g in gcs)
            pauses = [g.pause() for g in gcs if g.count]
            pause = seconds(statistics.median(pauses)) if pauses else "-"
            shares[column] = statistics.median(g.share() for g in gcs)
            cells.append(f"{rate:6.0f}/s {pause:>9} {100 * shares[column]:5.1f}%      ")
        net = ((statistics.median(t) * (1 - shares["%timeit"]))
               / (statistics.median(jmh_forks[name]) * (1 - shares["JMH fork"])))
        print(f"{name:16} " + "".join(cells) + f"{net:.3f}")


def report_fork(timeit_f, jmh_forks):
    """%timeit -f (a fresh JVM per statement, as JMH forks) against the JMH fork."""
    print("\n%timeit -f (the statement timed in a fresh JVM with the kernel's flags, less its start-up cache) against "
          "the JMH fork: medians over the rounds")
    print("benchmark        %timeit -f   JMH fork     -f/fork  spreads: -f     fork")
    for name, t in timeit_f.items():
        t_med, j_med = statistics.median(t), statistics.median(jmh_forks[name])
        print(f"{name:16} {seconds(t_med):12} {seconds(j_med):12} {t_med / j_med:.3f}             {spread(t):7} "
              f"{spread(jmh_forks[name])}")
    for name, t in timeit_f.items():
        print(f"  {name:14} %timeit -f {[seconds(v) for v in t]}  JMH fork {[seconds(v) for v in jmh_forks[name]]}")
    print(f"empty statement: %timeit -f {seconds(statistics.median(timeit_f['empty']))} per loop")


def spread(values):
    return f"{100 * (max(values) - min(values)) / statistics.median(values):.1f}%"


if __name__ == "__main__":
    sys.exit(main())
