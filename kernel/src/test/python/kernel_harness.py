"""Starts a real kernel with jupyter_client and collects what it says, message by message.

The kernel is named by JAWAIT_KERNEL (default "jawait"). The same tests run against ipykernel
(JAWAIT_KERNEL=python3) to show that the tests themselves are right: `pick(java=..., python=...)` gives
each test its code in the kernel's language.
"""
import os
import time
import unittest
from collections import defaultdict
from queue import Empty

from jupyter_client.manager import start_new_kernel
from jupyter_kernel_test.msgspec_v5 import schema_fragments, validate_message

KERNEL_NAME = os.environ.get("JAWAIT_KERNEL", "jawait")
IS_JAVA = not KERNEL_NAME.startswith("python")
TIMEOUT = 30


def pick(java, python):
    """The code sample for the kernel under test."""
    return java if IS_JAVA else python


def java_only(reason):
    """Skips a test under ipykernel, which lacks what the test checks; never skips under jawait."""
    return unittest.skipUnless(IS_JAVA, f"ipykernel: {reason}")


class Cell:
    """One execute_request: its reply and the iopub messages sent under it (status messages left out)."""

    def __init__(self, msg_id, reply, messages):
        self.msg_id = msg_id
        self.reply = reply
        self.messages = messages

    @property
    def status(self):
        return self.reply["content"]["status"]

    def stream(self, name="stdout"):
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name)

    def of_type(self, msg_type):
        return [m for m in self.messages if m["msg_type"] == msg_type]

    @property
    def result(self):
        """The text/plain of the execute_result, or None."""
        results = self.of_type("execute_result")
        return results[-1]["content"]["data"].get("text/plain") if results else None

    def error_text(self):
        """ename, evalue and traceback of the reply, as one string for assertions."""
        content = self.reply["content"]
        return "\n".join([content.get("ename", ""), content.get("evalue", "")] + content.get("traceback", []))

    def __repr__(self):
        return f"Cell(status={self.status!r}, reply={self.reply['content']!r}, messages={self.messages!r})"


class Kernel:
    """A started kernel with its client; iopub messages are filed by the msg_id of their parent request."""

    def __init__(self):
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=90)
        self.iopub = defaultdict(list)
        self.idle = set()
        self.replies = {}

    def close(self):
        self.kc.stop_channels()
        if self.km.is_alive():
            self.km.shutdown_kernel(now=False)

    def pump(self, until, timeout=TIMEOUT):
        """Reads iopub until `until()` holds; returns whether it did before the deadline."""
        deadline = time.monotonic() + timeout
        while not until():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            try:
                msg = self.kc.get_iopub_msg(timeout=min(left, 0.2))
            except Empty:
                continue
            if msg["msg_type"] in schema_fragments:  # the spec module knows no comm messages
                validate_message(msg)
            parent = msg["parent_header"].get("msg_id")
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    self.idle.add(parent)
            else:
                self.iopub[parent].append(msg)
        return True

    def shell_reply(self, msg_id, timeout=TIMEOUT, validate=True):
        """The shell reply to `msg_id`; replies to other requests are kept for later callers."""
        deadline = time.monotonic() + timeout
        while msg_id not in self.replies:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no shell reply to {msg_id} within {timeout} s")
            try:
                msg = self.kc.get_shell_msg(timeout=left)
            except Empty:
                continue
            self.replies[msg["parent_header"].get("msg_id")] = msg
        reply = self.replies.pop(msg_id)
        if validate and reply["content"].get("status") != "aborted":
            validate_message(reply, parent_id=msg_id)
        return reply

    def finish(self, msg_id, timeout=TIMEOUT, reply=None):
        """Waits for the reply (unless given) and the idle status of an execute_request already sent."""
        reply = reply or self.shell_reply(msg_id, timeout)
        if not self.pump(lambda: msg_id in self.idle, timeout):
            raise AssertionError(f"no idle status after execute_request {msg_id} within {timeout} s")
        return Cell(msg_id, reply, list(self.iopub[msg_id]))

    def execute(self, code, timeout=TIMEOUT, **options):
        options.setdefault("allow_stdin", False)
        return self.finish(self.kc.execute(code, **options), timeout)

    def ok(self, code, timeout=TIMEOUT, **options):
        """Runs a cell that must succeed."""
        cell = self.execute(code, timeout, **options)
        if cell.status != "ok":
            raise AssertionError(f"cell failed: {code!r}\n{cell.error_text()}")
        return cell

    def value(self, code):
        """The text/plain result of an expression cell that must succeed."""
        return self.ok(code).result


class KernelTestCase(unittest.TestCase):
    """One kernel for all tests of the class."""

    @classmethod
    def setUpClass(cls):
        cls.kernel = Kernel()

    @classmethod
    def tearDownClass(cls):
        cls.kernel.close()

    def assert_alive(self):
        self.assertTrue(self.kernel.km.is_alive(), "the kernel process died")
        self.assertEqual(self.kernel.value(pick("1 + 1", "1 + 1")), "2")
