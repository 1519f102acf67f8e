"""Every shipped notebook runs end to end in nbclient on the kernel, as `jupyter nbconvert --execute` would."""
import pathlib
import time
import unittest

import nbformat
from nbclient import NotebookClient

from kernel_harness import KERNEL_NAME, java_only

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[3] / "notebooks"


@java_only("the notebooks are written in Java")
class NotebookTests(unittest.TestCase):

    def test_every_shipped_notebook_runs_without_unexpected_errors(self):
        notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
        self.assertTrue(notebooks, f"no notebooks under {NOTEBOOKS}")
        for path in notebooks:
            with self.subTest(notebook=path.name):
                nb = nbformat.read(path, as_version=4)
                started = time.monotonic()
                # cells tagged raises-exception may fail; any other error fails the notebook
                NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=600, startup_timeout=90,
                               resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
                print(f"{path.name}: {time.monotonic() - started:.1f} s", flush=True)


if __name__ == "__main__":
    unittest.main()
