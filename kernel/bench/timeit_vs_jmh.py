"""%timeit through the real kernel process against JMH, statement by statement: figures, not a test.

    /usr/bin/python3 kernel/bench/timeit_vs_jmh.py --java JAVA --jar JAR --classpath CP --flags FILE [--stop-check-ab] [ITERATIONS]

kernel/bench/timeit-vs-jmh.sh builds and passes these. The kernel is this build's jar, started by Debian's
jupyter_client from a throwaway kernelspec with the installed kernel's JVM flags; each %timeit is a cell sent
to it (`var benchResult = %timeit -q -o ...`). Each JMH twin runs right after its %timeit, in a JVM started
with the same flags (io.jawait.timing.bench.TimeitVsJmh --jmh NAME), so both sides see about the same load.
Then five repeated %timeits of the first statement, and the empty statement on both sides.

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


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for option in ("--java", "--jar", "--classpath", "--flags"):
        p.add_argument(option, required=True)
    p.add_argument("iterations", type=int, nargs="?", default=5, help="JMH measurement iterations of 1 s")
    p.add_argument("--stop-check-ab", action="store_true", help="also %%timeit's copy against the checked loop")
    args = p.parse_args()
    flags = jvm_flags(args.flags)
    spec = json.loads(subprocess.run([args.java, "-cp", args.classpath, MAIN, "--workloads"], check=True,
                                     capture_output=True, text=True).stdout)
    print(f"%timeit through the kernel process (jupyter_client), JMH in a JVM with the same flags; load average "
          f"at start: {load()}", flush=True)
    with tempfile.TemporaryDirectory() as home:
        write_kernelspec(home, args.java, flags, args.jar)
        os.environ["JUPYTER_PATH"] = home
        kernel = Kernel()
        try:
            print(kernel.value("%jvm") or "", flush=True)
            for cell in spec["setup"]:
                kernel.value(cell)
            rows = {}
            for name, statement in spec["workloads"]:
                rows[name] = (kernel.timeit(statement), jmh(args, flags, name))
                print(f"{name:15} %timeit {seconds(rows[name][0][0])}, JMH {seconds(rows[name][1][0])}", flush=True)
            first = spec["workloads"][0][1]
            repeats = [kernel.timeit(first)[0] for _ in range(5)]
            empty = kernel.timeit(spec["empty"])[0]
            if args.stop_check_ab:
                stop_check_ab(kernel, spec["workloads"])
        finally:
            kernel.close()
    report(rows, first, repeats, empty, jmh(args, flags, "empty")[0])


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


def report(rows, first, repeats, empty, jmh_empty):
    print("\nbenchmark        %timeit mean JMH mean     ratio   %timeit best JMH best     ratio")
    for name, ((t_mean, t_best), (j_mean, j_best)) in rows.items():
        print(f"{name:16} {seconds(t_mean):12} {seconds(j_mean):12} {t_mean / j_mean:.3f}   "
              f"{seconds(t_best):12} {seconds(j_best):12} {t_best / j_best:.3f}")
    mean = statistics.mean(repeats)
    print(f"\n5 x %timeit {first}: {[seconds(r) for r in repeats]}; (max-min)/mean "
          f"{100 * (max(repeats) - min(repeats)) / mean:.1f}%, std/mean {100 * statistics.pstdev(repeats) / mean:.1f}%")
    print(f"empty statement: %timeit {seconds(empty)} per loop (JMH empty(): {seconds(jmh_empty)})")
    print(f"load average at end: {load()}")
    print("The numbers above are just data: one machine, one run, other processes may share it.")


if __name__ == "__main__":
    sys.exit(main())
