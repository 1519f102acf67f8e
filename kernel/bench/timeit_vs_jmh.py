"""%timeit through the real kernel process against JMH, statement by statement: figures, not a test.

    /usr/bin/python3 kernel/bench/timeit_vs_jmh.py --java JAVA --jar JAR --classpath CP --flags FILE
        [--forks F] [--stop-check-ab] [ITERATIONS]

kernel/bench/timeit-vs-jmh.sh builds and passes these. The kernel is this build's jar, started by Debian's
jupyter_client from a throwaway kernelspec with the installed kernel's JVM flags; each %timeit is a cell sent
to it (`var benchResult = %timeit -q -o ...`). JMH runs each benchmark in a JVM started with the same flags
(io.jawait.timing.bench.TimeitVsJmh --jmh NAME: one fork, 3 warm-up and ITERATIONS measured 1 s iterations).

Forks on both sides. One JVM is one sample of things that do not repeat within it: the JIT's choices for that
compilation, where the code and the heap land, the young generation's size as the heap grew. Measured on this
machine (2 cores, other processes around), five JMH forks of one benchmark differed by up to 50% from each
other while iterations within a fork agreed within a few per cent, so one fork per side compares two draws. The
bench therefore runs F rounds (default 3), each a fresh kernel process that times every statement, then one JMH
fork of every benchmark, so that both sides of a round see about the same machine load. A side's figure is the
median of its F fork means, and the ratio is the ratio of the two medians: a median, not a mean, because a fork
that another process disturbed is an outlier on one side only, and with three forks the median drops it where
the mean would carry a third of it. Each side's spread ((max-min)/median of the fork means) says which side
moved. The five repeated %timeits of the first statement run in the last round's kernel, one after the other,
as a learner repeats a cell; the empty statement is timed in every round. With F = 3 the bench takes about five
minutes.

--stop-check-ab adds, for each statement with a loop of its own, %timeit (which measures a copy of its loop
without JShell's stop checks in the statement) against the same loop class run as JShell loaded it (a check
before every backward branch), alternated three times in the one kernel so that both see the same load.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from queue import Empty

MAIN = "io.jawait.timing.bench.TimeitVsJmh"


def jvm_flags(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.strip().startswith("#")]


def write_kernelspec(home, java, flags, jar):
    spec = os.path.join(home, "kernels", "jawait")
    os.makedirs(spec)
    with open(os.path.join(spec, "kernel.json"), "w", encoding="utf-8") as f:
        json.dump({"argv": [java, *flags, "-jar", os.path.abspath(jar), "kernel", "{connection_file}"],
                   "display_name": "Java (jawait, bench build)", "language": "java",
                   "interrupt_mode": "message"}, f)


class Kernel:
    """The kernel process and a blocking client; `value(code)` returns a cell's text/plain result."""

    def __init__(self):
        from jupyter_client.manager import KernelManager
        self.km = KernelManager(kernel_name="jawait")
        self.km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)

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

    def timeit(self, statement):
        """Mean and best seconds per loop."""
        self.value(f"var benchResult = %timeit -q -o {statement}")
        mean, best = self.value('benchResult.mean() + " " + benchResult.best()').strip('"').split()
        return float(mean), float(best)

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


def jmh(args, flags, name):
    out = subprocess.run([args.java, *flags, "-cp", args.classpath, MAIN, "--jmh", name, str(args.iterations)],
                         check=True, capture_output=True, text=True).stdout
    line = next(l for l in out.splitlines() if l.startswith(f"jmh {name} "))
    return float(line.split()[2]), float(line.split()[3])


def seconds(s):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if s >= scale or unit == "ns":
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
    spec = json.loads(subprocess.run([args.java, "-cp", args.classpath, MAIN, "--workloads"], check=True,
                                     capture_output=True, text=True).stdout)
    names = [name for name, _ in spec["workloads"]] + ["empty"]
    statements = dict(spec["workloads"], empty=spec["empty"])
    print(f"%timeit through the kernel process (jupyter_client), JMH in a JVM with the same flags; {args.forks} "
          f"rounds of a fresh kernel then one JMH fork per benchmark; load average at start: {load()}", flush=True)
    timeit_forks = {name: [] for name in names}
    jmh_forks = {name: [] for name in names}
    repeats = []
    ticks_at_start = cpu_ticks()
    with tempfile.TemporaryDirectory() as home:
        write_kernelspec(home, args.java, flags, args.jar)
        os.environ["JUPYTER_PATH"] = home
        for round_ in range(args.forks):
            last = round_ == args.forks - 1
            repeats = kernel_round(spec, statements, names, timeit_forks, round_ == 0,
                                   5 if last else 0, args.stop_check_ab and last)
            for name in names:
                jmh_forks[name].append(jmh(args, flags, name)[0])
            print(f"round {round_ + 1}: " + ", ".join(
                f"{name} {seconds(timeit_forks[name][-1])}/{seconds(jmh_forks[name][-1])}" for name in names),
                flush=True)
    report(timeit_forks, jmh_forks, spec["workloads"][0][1], repeats, ticks_at_start)


def kernel_round(spec, statements, names, timeit_forks, show_jvm, repeat, stop_checks):
    """One fresh kernel: every statement once (mean per loop into timeit_forks), then `repeat` repeats of the
    first; returns the repeats' means."""
    kernel = Kernel()
    try:
        if show_jvm:
            print(kernel.value("%jvm") or "", flush=True)
        for cell in spec["setup"]:
            kernel.value(cell)
        for name in names:
            timeit_forks[name].append(kernel.timeit(statements[name])[0])
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


def report(timeit_forks, jmh_forks, first, repeats, ticks_at_start):
    print("\nmedians of the fork means; spread = (max-min)/median of the fork means")
    print("benchmark        %timeit      JMH          ratio   %timeit spread  JMH spread")
    for name, t in timeit_forks.items():
        j = jmh_forks[name]
        t_med, j_med = statistics.median(t), statistics.median(j)
        print(f"{name:16} {seconds(t_med):12} {seconds(j_med):12} {t_med / j_med:.3f}   "
              f"{spread(t):14} {spread(j)}")
    for name, t in timeit_forks.items():
        print(f"  {name:14} %timeit forks {[seconds(v) for v in t]}  JMH forks {[seconds(v) for v in jmh_forks[name]]}")
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


def spread(values):
    return f"{100 * (max(values) - min(values)) / statistics.median(values):.1f}%"


if __name__ == "__main__":
    sys.exit(main())
