"""Runs a session against a kernel so the JVM writes its start-up archive when the kernel exits.

Usage: python3 train_kernel.py KERNEL_NAME   (the kernelspec must be on JUPYTER_PATH)
"""
import subprocess
import sys

from jupyter_client.manager import start_new_kernel

# What a first session touches: values, output, declarations, a failing cell, completion and inspection.
CELLS = [
    "int x = 1 + 1;",
    "x",
    'System.out.println("hello " + x);',
    "record Point(int x, int y) {}\nvar p = new Point(1, 2);\np",
    "List.of(1, 2, 3).stream().map(i -> i * i).toList()",
    "Integer.parseInt(\"not a number\")",
    "1+1",
    "Math.max(x, 2)",
    "String text = \"abc\";",
    "text.length();",
    "for (int i = 0; i < 3; i++) { System.out.print(i); }",
    "int twice(int n) { return 2 * n; }",
    "twice(x)",
    # The await helpers, in both modes, as the notebooks use them. Untrained, a kernel's second cell of 100,000
    # gathered 1 s sleeps still ran them in C1's profiling code, whose frames made each parked task's stack
    # chunk ~1.6 KB against 0.57 KB in AsyncBench: its old generation grew 207-214 MB against 120-131 MB trained
    # (3 kernels each, interleaved, under the bench lock); first execute and trivial-cell p50 did not move.
    "run(async(() -> { var cs = new ArrayList<Coro<Void>>();\n"
    "    for (int i = 0; i < 20_000; i++) cs.add(async(() -> sleep(0.01)));\n"
    "    gather(cs); }))",
    "run(async(() -> { var t = createTask(async(() -> { sleep(0.001); return 1; }));\n"
    "    return await(t) + gather(async(() -> 2), async(() -> 3)).size(); }), Mode.LOOP)",
]
# The cache also keeps the method profiles of the training run (JEP 515), so the JIT compiles javac's hot
# paths early in a new kernel. Trivial-cell p50 after 50 warm-up cells, two interleaved kernels each, load ~3:
# one round of the first six cells 24.0 / 24.8 ms, 8 rounds 17.4 / 20.3 ms, 25 rounds 19.5 / 18.2 ms; RSS
# after the cells 148-154 MB in every case (noise of +-3 MB). 8 rounds: the gain, at a third of the time.
ROUNDS = 8


def main(kernel_name):
    # the JVM's own notes on what it recorded are not for the person installing
    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=120, stdout=subprocess.DEVNULL)
    try:
        for _ in range(ROUNDS):
            for code in CELLS:
                kc.execute_interactive(code, timeout=60, output_hook=lambda msg: None)
        kc.complete("System.out.pri", 14)
        kc.get_shell_msg(timeout=30)
        kc.inspect("String", 3)
        kc.get_shell_msg(timeout=30)
    finally:
        kc.stop_channels()
        # the JVM writes what it recorded as it exits normally, which takes seconds: wait rather than kill
        km.shutdown_wait_time = 300
        km.shutdown_kernel(now=False)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        sys.exit(main(sys.argv[1]))
    except Exception as error:  # the caller reports the failure; the kernel works without a cache
        sys.exit(f"jawait: training run: {type(error).__name__}: {error}")
