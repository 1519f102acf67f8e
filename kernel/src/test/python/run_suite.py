"""Runs test modules against the kernel named by JAWAIT_KERNEL (default "jawait").

    /usr/bin/python3 run_suite.py test_interrupt test_output ...

Under jawait a skipped test counts as a failure (the JUnit ITs must never pass by skipping); under
ipykernel (JAWAIT_KERNEL=python3) skips mark what ipykernel does not offer.
"""
import sys
import unittest

REQUIRED = ("jupyter_client", "jupyter_kernel_test", "zmq", "jsonschema")


def missing_packages():
    missing = []
    for name in REQUIRED:
        try:
            __import__(name)
        except ImportError:
            missing.append(name)
    return missing


def main(names):
    missing = missing_packages()
    if missing:
        print(f"missing Python packages for {sys.executable}: {', '.join(missing)}\n"
              "install them as root: apt-get install python3-jupyter-client python3-jupyter-kernel-test "
              "python3-ipykernel python3-nbclient python3-nbformat python3-psutil  (or run install/test.sh)",
              file=sys.stderr)
        return 3
    from kernel_harness import IS_JAVA, KERNEL_NAME
    print(f"kernel under test: {KERNEL_NAME}", flush=True)
    suite = unittest.defaultTestLoader.loadTestsFromNames(names)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    unexpected = [test.id() for test, _ in result.skipped if IS_JAVA]
    for test_id in unexpected:
        print(f"SKIPPED, which counts as a failure under jawait: {test_id}")
    return 0 if result.wasSuccessful() and not unexpected else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
