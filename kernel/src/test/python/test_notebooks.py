"""Every shipped notebook runs end to end in nbclient on the kernel, as `jupyter nbconvert --execute` would."""
import pathlib
import time
import unittest

import nbformat
from nbclient import NotebookClient

from kernel_harness import KERNEL_NAME, java_only

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[4] / "notebooks"


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
                NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=600, startup_timeout=90,
                               resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
                print(f"{path.name}: {time.monotonic() - started:.1f} s", flush=True)


if __name__ == "__main__":
    unittest.main()
