"""jawait against ipykernel, side by side, through Debian's jupyter_client: figures, not a pass/fail test.

    /usr/bin/python3 kernel/bench/kernel_bench.py [--kernels jawait python3] [--starts 5] [--cells 200]

Measures for each kernel: start to first kernel_info_reply and to first execute_reply (median of --starts
fresh kernels); trivial-cell round trip (execute_request to idle) p50/p95 over --cells cells after a warm-up,
and the CPU time the kernel's processes used meanwhile, with the share of the JVM's JIT compiler threads;
p50 of --cells/2 cells whose text differs each time ("0+1", "1+1", ...); a 10,000-line cell (seconds, lines
received); resident memory of the kernel's process tree after the trivial cells; interrupt latency (interrupt
sent to execute_reply, median of 3); then --cells trivial cells again, p50, with the kernel some 350 cells in (no
target: it shows how much of the first p50 is JIT warm-up). Then the ratios jawait / ipykernel.
The kernel named "jawait-nocache" is the installed jawait kernelspec without its start-up cache flags.
The figures are just data: on a machine shared with builds they move; run again before believing a change.
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from queue import Empty

import psutil
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

LINES = 10_000
CODE = {
    "java": {
        "trivial": "1+1",
        "varied": "{i}+1",
        "lines": f'for (int i = 0; i < {LINES}; i++) System.out.println("line " + i);',
        "busy": 'System.out.println("started");\nwhile (true) {}',
    },
    "python": {
        "trivial": "1+1",
        "varied": "{i}+1",
        "lines": f'for i in range({LINES}): print("line", i)',
        "busy": 'print("started", flush=True)\nwhile True: pass',
    },
}
# (metric, unit, target ratio or absolute limit as text, lower is better)
TARGETS = {
    "start_to_kernel_info": "<= 1.0x ipykernel",
    "start_to_first_execute": "<= 1.0x ipykernel",
    "trivial_p50": "<= 1.5x ipykernel",
    "trivial_p95": "",
    "varied_p50": "",
    "trivial_late_p50": "",
    "lines_seconds": "<= 2x ipykernel",
    "lines_received": f"= {LINES}",
    "rss_mb": "<= 150 MB",
    "interrupt_seconds": "<= 0.2 s",
}


class Session:
    """One started kernel and its client, with helpers that wait with deadlines."""

    def __init__(self, kernel_name):
        self.km = KernelManager(kernel_name=kernel_name)
        self.language = "java" if "java" in self.km.kernel_spec.language.lower() else "python"
        self.started = time.perf_counter()
        # every kernel's own console output (ipykernel's debugger notes, the JVM's) is dropped alike
        self.km.start_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.kc = self.km.client()
        self.kc.start_channels()

    def code(self, name):
        return CODE[self.language][name]

    def reply_to(self, msg_id, timeout=120, channel="shell"):
        deadline = time.monotonic() + timeout
        get = self.kc.get_shell_msg if channel == "shell" else self.kc.get_control_msg
        while time.monotonic() < deadline:
            try:
                msg = get(timeout=max(0.01, deadline - time.monotonic()))
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg
        raise TimeoutError(f"no reply to {msg_id} within {timeout} s")

    def wait_iopub(self, msg_id, done, timeout=120):
        """Reads iopub until `done(msg)` holds for a message of request `msg_id`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id and done(msg):
                return
        raise TimeoutError(f"request {msg_id}: iopub did not show what was awaited within {timeout} s")

    def until_idle(self, msg_id, timeout=120, on_message=None):
        def idle(msg):
            if on_message:
                on_message(msg)
            return msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"
        self.wait_iopub(msg_id, idle, timeout)

    def run(self, code, on_message=None, timeout=120):
        msg_id = self.kc.execute(code, allow_stdin=False)
        self.reply_to(msg_id, timeout)
        self.until_idle(msg_id, timeout, on_message)

    def rss_mb(self):
        root = psutil.Process(self.km.provisioner.process.pid)
        return sum(p.memory_info().rss for p in [root] + root.children(recursive=True)) / 2**20

    def cpu_seconds(self):
        """(all threads, JIT compiler threads) CPU seconds of the kernel's process tree so far (Linux /proc)."""
        root = psutil.Process(self.km.provisioner.process.pid)
        total = jit = 0.0
        tick = os.sysconf("SC_CLK_TCK")
        for p in [root] + root.children(recursive=True):
            # the process's own count keeps threads that have ended (a JVM kernel ends a snippet thread per cell)
            times = p.cpu_times()
            total += times.user + times.system
            for task in glob.glob(f"/proc/{p.pid}/task/*"):
                try:
                    with open(task + "/comm", encoding="utf-8", errors="replace") as f:
                        name = f.read().strip()
                    with open(task + "/stat", encoding="ascii", errors="replace") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue  # a thread that ended meanwhile
                seconds = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
                # HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0", truncated to 15 characters
                if name.startswith(("C1 CompilerThre", "C2 CompilerThre")):
                    jit += seconds
        return total, jit

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


def measure_start(kernel_name):
    s = Session(kernel_name)
    try:
        s.reply_to(s.kc.kernel_info(), timeout=120)
        info = time.perf_counter() - s.started
        s.reply_to(s.kc.execute(s.code("trivial")), timeout=120)
        first = time.perf_counter() - s.started
        return info, first
    finally:
        s.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure_session(kernel_name, cells, warmup, figures):
    s = Session(kernel_name)
    try:
        # jupyter_client's handshake repeats kernel_info until iopub has delivered something too: a SUB socket
        # that connects after the first cell's busy/idle were published never sees them (ZeroMQ's slow
        # joiner), and this loop would then wait out its whole timeout for an idle that was already sent.
        s.kc.wait_for_ready(timeout=120)
        for _ in range(warmup):
            s.run(s.code("trivial"))
        cpu_before, jit_before = s.cpu_seconds()
        rounds = trivial_rounds(s, cells)
        cpu_after, jit_after = s.cpu_seconds()
        figures.update(trivial_p50=percentile(rounds, 0.5) * 1000, trivial_p95=percentile(rounds, 0.95) * 1000,
                       rss_mb=s.rss_mb())
        # where the kernel's CPU went meanwhile: on 2 cores, a JIT still compiling competes with the cells
        figures.update(trivial_cpu=cpu_after - cpu_before, trivial_jit_cpu=jit_after - jit_before)
        # a notebook's cells differ from each other; one repeated text can hide costs that only new code pays
        varied = []
        for i in range(cells // 2):
            t0 = time.perf_counter()
            s.run(s.code("varied").format(i=i))
            varied.append(time.perf_counter() - t0)
        figures["varied_p50"] = percentile(varied, 0.5) * 1000
        figures.update(measure_lines(s))
        figures["interrupt_seconds"] = statistics.median(measure_interrupt(s) for _ in range(3))
        # The same trivial cells again, some 350 cells into the session (default counts). On a 2-core machine
        # jawait's JIT is still compiling javac's paths over the first few hundred cells (its C2 thread used more
        # CPU than the engine thread over cells 1-400), so the p50 above is mostly warm-up; this one is warm.
        figures["trivial_late_p50"] = percentile(trivial_rounds(s, cells), 0.5) * 1000
    finally:
        s.close()


def trivial_rounds(s, cells):
    """Round trips (execute_request to reply and idle) of `cells` trivial cells, in seconds."""
    rounds = []
    for _ in range(cells):
        t0 = time.perf_counter()
        s.run(s.code("trivial"))
        rounds.append(time.perf_counter() - t0)
    return rounds


def measure_lines(s):
    texts = []
    collect = lambda msg: texts.append(msg["content"]["text"]) if msg["msg_type"] == "stream" else None
    t0 = time.perf_counter()
    s.run(s.code("lines"), on_message=collect)
    seconds = time.perf_counter() - t0
    received = "".join(texts).splitlines()
    in_order = received == [f"line {i}" for i in range(LINES)]
    return {"lines_seconds": seconds, "lines_received": len(received), "lines_in_order": in_order}


def measure_interrupt(s):
    msg_id = s.kc.execute(s.code("busy"), allow_stdin=False)
    s.wait_iopub(msg_id, lambda msg: msg["msg_type"] == "stream" and "started" in msg["content"]["text"], 60)
    t0 = time.perf_counter()
    s.km.interrupt_kernel()
    s.reply_to(msg_id, timeout=60)
    latency = time.perf_counter() - t0
    s.until_idle(msg_id, timeout=60)
    return latency


def measure(kernel_name, starts, cells, warmup):
    """The figures of one kernel; a measurement that fails leaves its figures out and says why."""
    figures = {}
    try:
        print(f"[{kernel_name}] {starts} starts ...", file=sys.stderr, flush=True)
        pairs = [measure_start(kernel_name) for _ in range(starts)]
        figures.update(start_to_kernel_info=statistics.median(p[0] for p in pairs),
                       start_to_first_execute=statistics.median(p[1] for p in pairs))
        print(f"[{kernel_name}] {warmup} warm-up + {cells} cells, 10,000 lines, interrupts ...",
              file=sys.stderr, flush=True)
        measure_session(kernel_name, cells, warmup, figures)
    except Exception as error:  # report what was measured; the failure is itself a finding
        figures["failure"] = f"{type(error).__name__}: {error}"
        print(f"[{kernel_name}] measurement stopped: {figures['failure']}", file=sys.stderr, flush=True)
    return figures


def without_cache(home):
    """A copy of the installed jawait kernelspec, named jawait-nocache, without the start-up cache flags."""
    source = KernelSpecManager().get_kernel_spec("jawait")
    target = os.path.join(home, "kernels", "jawait-nocache")
    shutil.copytree(source.resource_dir, target)
    with open(os.path.join(target, "kernel.json")) as f:
        spec = json.load(f)
    spec["argv"] = [a for a in spec["argv"] if not a.startswith(("-XX:AOTCache", "-XX:SharedArchiveFile",
                                                                  "-XX:+AutoCreateSharedArchive", "-Xlog:"))]
    spec["display_name"] += " without start-up cache"
    with open(os.path.join(target, "kernel.json"), "w") as f:
        json.dump(spec, f)


FORMATS = {"start_to_kernel_info": ("start to kernel_info_reply", "s", "{:.3f}"),
           "start_to_first_execute": ("start to first execute_reply", "s", "{:.3f}"),
           "trivial_p50": ("trivial cell p50", "ms", "{:.2f}"),
           "trivial_p95": ("trivial cell p95", "ms", "{:.2f}"),
           "trivial_cpu": ("  kernel CPU in those cells", "s", "{:.2f}"),
           "trivial_jit_cpu": ("    of it the JIT compilers'", "s", "{:.2f}"),
           "varied_p50": ("differing cells p50 ({i}+1)", "ms", "{:.2f}"),
           "trivial_late_p50": ("trivial cell p50 at the end", "ms", "{:.2f}"),
           "lines_seconds": ("10,000-line cell", "s", "{:.3f}"),
           "lines_received": ("  lines received", "", "{}"),
           "lines_in_order": ("  all in order", "", "{}"),
           "rss_mb": ("RSS of kernel processes", "MB", "{:.0f}"),
           "interrupt_seconds": ("interrupt to execute_reply", "s", "{:.3f}")}


def cpu_ticks():
    """(steal, total) jiffies of all CPUs since boot: on a VM, steal is time the host gave our cores to others."""
    with open("/proc/stat", encoding="ascii") as f:
        fields = [int(v) for v in f.readline().split()[1:9]]
    return fields[7], sum(fields)


def report(results, starts, cells, ticks_at_start=None):
    names = list(results)
    base = "python3" if "python3" in results else None
    print(f"\nkernel benchmark: {starts} starts (median), {cells} trivial cells, "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    header = f"{'metric':32} {'unit':>4} " + " ".join(f"{n:>15}" for n in names)
    ratio_names = [n for n in names if base and n != base]
    header += "".join(f" {n + '/' + base:>22}" for n in ratio_names) + "   target"
    print(header)
    print("-" * len(header))
    for key, (label, unit, fmt) in FORMATS.items():
        row = f"{label:32} {unit:>4} " + " ".join(
            f"{fmt.format(results[n][key]) if key in results[n] else '-':>15}" for n in names)
        for n in ratio_names:
            value, reference = results[n].get(key), results[base].get(key)
            numeric = isinstance(value, float) and isinstance(reference, float) and reference > 0
            row += f" {(f'{value / reference:.2f}x' if numeric else ''):>22}"
        row += f"   {TARGETS.get(key, '')}"
        print(row)
    for n in names:
        if "failure" in results[n]:
            print(f"{n}: measurement stopped early: {results[n]['failure']}")
    if ticks_at_start:
        steal, total = (end - start for end, start in zip(cpu_ticks(), ticks_at_start))
        print(f"\nsteal time during the run: {100 * steal / max(total, 1):.1f}% of CPU time (the VM's host running "
              "others on its cores; beyond a few per cent, jawait's JIT warm-up and the cells compete for less)")
    print("\nThe numbers above are just data: medians and percentiles of this run, on this machine, now.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernels", nargs="+", default=["jawait", "python3"])
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="jawait-bench")
    try:
        if "jawait-nocache" in args.kernels:
            without_cache(home)
            os.environ["JUPYTER_PATH"] = home + os.pathsep + os.environ.get("JUPYTER_PATH", "")
        known = KernelSpecManager().find_kernel_specs()
        missing = [k for k in args.kernels if k not in known]
        if missing:
            sys.exit(f"kernelspec(s) not found: {', '.join(missing)}; for jawait run install/install.sh first, "
                     "for python3 apt-get install python3-ipykernel")
        ticks_at_start = cpu_ticks() if os.path.exists("/proc/stat") else None
        results = {k: measure(k, args.starts, args.cells, args.warmup) for k in args.kernels}
        report(results, args.starts, args.cells, ticks_at_start)
        if args.json:
            with open(args.json, "w") as f:
                json.dump(results, f, indent=2)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
