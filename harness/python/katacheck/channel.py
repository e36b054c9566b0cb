"""The private result channel: JSON lines on an inherited pipe fd, each record carrying the nonce.

The learner's stdout is just output; only records on this fd with the right nonce count.
"""
import json
import os


class Channel:
    def __init__(self, fd, nonce):
        # Move the pipe off the well-known fd 3 and make it non-inheritable (os.dup's default), so
        # neither a stray os.write(3, ...) nor a child process of the learner's code can reach it.
        self._fd = os.dup(fd)
        os.close(fd)
        self._nonce = nonce

    def send(self, record):
        record["nonce"] = self._nonce
        data = (json.dumps(record, ensure_ascii=False, default=str) + "\n").encode("utf-8", "replace")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
