"""Every shipped notebook runs end to end in nbclient on the kernel, as `jupyter nbconvert --execute` would."""
import pathlib
import shutil
import subprocess
import tempfile
import time
import unittest

import nbformat
from nbclient import NotebookClient

from kernel_harness import KERNEL_NAME, java_only

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[4] / "notebooks"
# the slowest shipped cell took 20 s in the stored runs; a cell that waits this long is stuck
CELL_TIMEOUT = 240


class DiagnosingClient(NotebookClient):
    """A NotebookClient that, when a cell times out, prints every thread of the kernel before giving up.

    A stuck cell is otherwise a bare timeout: nbclient then shuts the kernel down, and what the kernel logs while
    it stops (requests refused by a closing engine) hides where the cell was waiting.
    """

    async def _async_handle_timeout(self, timeout, cell=None):
        print(f"cell timed out after {timeout} s; the kernel's threads:\n{kernel_threads(self.km)}", flush=True)
        return await super()._async_handle_timeout(timeout, cell)


def kernel_threads(km):
    """A dump of the kernel's threads by the jcmd of the JDK the kernelspec names (its Thread.dump_to_file also
    lists the virtual threads the JDK tracks: those of executors; the kernel's flags leave the others untracked)."""
    try:
        pid = km.provisioner.process.pid
        java = pathlib.Path(km.kernel_spec.argv[0])
        jcmd = java.with_name("jcmd") if java.with_name("jcmd").exists() else shutil.which("jcmd")
        with tempfile.TemporaryDirectory() as tmp:
            dump = pathlib.Path(tmp) / "threads.txt"
            subprocess.run([str(jcmd), str(pid), "Thread.dump_to_file", str(dump)], check=True, timeout=60,
                           capture_output=True)
            return dump.read_text()
    except Exception as e:  # the dump is a diagnostic: its failure must not replace the timeout's report
        return f"(no thread dump: {e!r})"


@java_only("the notebooks are written in Java")
class NotebookTests(unittest.TestCase):

    def test_the_sixty_seed_examples_are_tagged_and_stored_with_their_outputs(self):
        tags = {}
        for path in sorted(NOTEBOOKS.glob("*.ipynb")):
            for cell in nbformat.read(path, as_version=4).cells:
                for tag in cell.get("metadata", {}).get("tags", []):
                    if tag.startswith("ex-E"):
                        tags.setdefault(tag, []).append((path.name, cell))
        expected = {f"ex-E{i:02d}" for i in range(1, 61)}
        self.assertEqual(sorted(expected - tags.keys()), [], "items with no tagged cell")
        self.assertEqual(sorted(tags.keys() - expected), [], "tags that name no item")
        for tag, cells in tags.items():
            code = [c for _, c in cells if c.cell_type == "code"]
            self.assertTrue(code, f"{tag} has no code cell")
            self.assertTrue(any(c.get("outputs") for c in code), f"{tag} is stored without outputs")

    def test_every_shipped_notebook_runs_without_unexpected_errors(self):
        notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
        self.assertTrue(notebooks, f"no notebooks under {NOTEBOOKS}")
        for path in notebooks:
            with self.subTest(notebook=path.name):
                nb = nbformat.read(path, as_version=4)
                started = time.monotonic()
                # cells tagged raises-exception may fail; any other error fails the notebook
                DiagnosingClient(nb, kernel_name=KERNEL_NAME, timeout=CELL_TIMEOUT, startup_timeout=90,
                                 resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
                print(f"{path.name}: {time.monotonic() - started:.1f} s", flush=True)


if __name__ == "__main__":
    unittest.main()
