"""What arrives on the kernel's sockets from others: forged, unsigned, garbled or unknown messages."""
import hashlib
import hmac
import json
import time
import unittest
import uuid

import zmq
from jupyter_client.session import Session

from kernel_harness import KernelTestCase, java_only, pick

QUIET_FOR = 1.0


class WireTests(KernelTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.context = zmq.Context()
        cls.info = cls.kernel.km.get_connection_info()

    @classmethod
    def tearDownClass(cls):
        cls.context.destroy(linger=0)
        super().tearDownClass()

    def socket(self, channel):
        sock = self.context.socket(zmq.DEALER)
        sock.setsockopt(zmq.LINGER, 0)
        sock.connect(f"{self.info['transport']}://{self.info['ip']}:{self.info[channel + '_port']}")
        self.addCleanup(sock.close)
        return sock

    def signed(self, *parts):
        """Frames signed with the kernel's own key, so only their content can be wrong."""
        key = self.info["key"]
        key = key if isinstance(key, bytes) else key.encode()
        mac = hmac.new(key, digestmod=hashlib.sha256)
        for part in parts:
            mac.update(part)
        return [b"<IDS|MSG>", mac.hexdigest().encode(), *parts]

    def assert_ignored(self, sock, msg_id):
        self.assertEqual(sock.poll(int(QUIET_FOR * 1000)), 0, "the kernel answered a message it should drop")
        self.kernel.pump(lambda: False, 0.3)
        self.assertNotIn(msg_id, self.kernel.idle, "the kernel ran a message it should drop")
        self.assertEqual(self.kernel.iopub.get(msg_id, []), [])

    def send_forged_execute(self, key, variable):
        forger = Session(key=key, signature_scheme="hmac-sha256")
        sock = self.socket("shell")
        msg = forger.send(sock, "execute_request",
                          {"code": pick(f"int {variable} = 1;", f"{variable} = 1"), "silent": False,
                           "store_history": True, "user_expressions": {}, "allow_stdin": False,
                           "stop_on_error": True})
        return sock, msg["header"]["msg_id"]

    def assert_never_defined(self, variable):
        self.assertEqual(self.kernel.execute(variable).status, "error", f"{variable} was defined by a forgery")

    def test_a_message_signed_with_a_wrong_key_is_dropped(self):
        sock, msg_id = self.send_forged_execute(b"not-the-key", "forged")
        self.assert_ignored(sock, msg_id)
        self.assert_never_defined("forged")
        self.assert_alive()

    def test_an_unsigned_message_is_dropped(self):
        sock, msg_id = self.send_forged_execute(b"", "unsigned")
        self.assert_ignored(sock, msg_id)
        self.assert_never_defined("unsigned")
        self.assert_alive()

    def garbage(self):
        header = json.dumps({"msg_id": str(uuid.uuid4()), "msg_type": "execute_request", "session": "s",
                             "username": "u", "date": "2026-01-01T00:00:00.000000Z", "version": "5.3"}).encode()
        return [
            [b"garbage"], [b""], [b"<IDS|MSG>"], [b"<IDS|MSG>", b"not a signature"],
            [b"<IDS|MSG>", b"0" * 64, b"{}", b"{}", b"{}", b"{}"],
            [bytes(range(256)) * 4 for _ in range(7)],
            self.signed(b"{not json", b"{}", b"{}", b"{}"),
            self.signed(b"[1, 2]", b"{}", b"{}", b"{}"),
            self.signed(b'{"msg_id": "no type"}', b"{}", b"{}", b"{}"),
            self.signed(header, b"{}", b"{}", b'"not an object"'),
            self.signed(header, b"{}", b"{}", b'{"code": 42, "silent": "maybe"}'),
            self.signed(header, b"{}", b"{}"),
        ]

    def test_garbage_frames_on_shell_control_and_stdin_do_no_harm(self):
        for channel in ("shell", "control", "stdin"):
            sock = self.socket(channel)
            for frames in self.garbage():
                sock.send_multipart(frames)
        self.assert_alive()
        self.assert_control_answers()
        self.assert_stdin_works()

    def assert_control_answers(self):
        session = Session(key=self.kernel.kc.session.key, signature_scheme="hmac-sha256")
        sock = self.socket("control")
        sent = session.send(sock, "kernel_info_request", {})
        self.assertTrue(sock.poll(10_000), "control no longer answers")
        _, frames = session.feed_identities(sock.recv_multipart())
        reply = session.deserialize(frames)
        self.assertEqual(reply["parent_header"]["msg_id"], sent["header"]["msg_id"])

    def assert_stdin_works(self):
        k = self.kernel
        msg_id = k.kc.execute(pick("new BufferedReader(new InputStreamReader(System.in)).readLine()",
                                   "input()"), allow_stdin=True)
        request = k.kc.get_stdin_msg(timeout=30)
        self.assertEqual(request["msg_type"], "input_request")
        k.kc.input("typed")
        self.assertIn("typed", k.finish(msg_id).result)

    @java_only("ipykernel logs unknown requests and sends no reply")
    def test_an_unknown_request_gets_an_error_reply(self):
        k = self.kernel
        msg = k.kc.session.msg("no_such_request", {})
        k.kc.shell_channel.send(msg)
        reply = k.shell_reply(msg["header"]["msg_id"], timeout=10, validate=False)
        self.assertEqual(reply["content"]["status"], "error")

    def test_comm_info_is_answered(self):
        k = self.kernel
        reply = k.shell_reply(k.kc.comm_info(), timeout=10)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIsInstance(reply["content"]["comms"], dict)

    def test_a_comm_open_for_an_unknown_target_is_closed(self):
        k = self.kernel
        comm_id = str(uuid.uuid4())
        msg = k.kc.session.msg("comm_open", {"comm_id": comm_id, "target_name": "no-such-target", "data": {}})
        k.kc.shell_channel.send(msg)
        closed = lambda: any(m["msg_type"] == "comm_close" and m["content"]["comm_id"] == comm_id
                             for m in k.iopub[msg["header"]["msg_id"]])
        self.assertTrue(k.pump(closed, 10), "no comm_close for a comm_open the kernel cannot serve")
        self.assert_alive()


if __name__ == "__main__":
    unittest.main()
