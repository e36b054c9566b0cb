"""Bounded capture of what the learner prints, so a print flood can't exhaust memory or the pipe."""
import io

PER_TEST = 4000
TOTAL = 16000


class BoundedText(io.TextIOBase):
    def __init__(self):
        self._parts = []
        self._size = 0
        self._dropped = 0
        self._total = 0

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = min(PER_TEST - self._size, TOTAL - self._total)
        if room > 0:
            kept = text[:room]
            self._parts.append(kept)
            self._size += len(kept)
            self._total += len(kept)
        self._dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    @property
    def encoding(self):
        return "utf-8"

    def take(self):
        """Everything printed since the last take, with a note of what was dropped."""
        text = "".join(self._parts)
        if self._dropped:
            text += f"\n[... {self._dropped:,} more characters not shown]\n"
        self._parts, self._size, self._dropped = [], 0, 0
        return text


OUT = BoundedText()
