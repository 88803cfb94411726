"""Input errors carry a one-line message; the CLI prints it and moves on to the next input."""

from __future__ import annotations


class InputError(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 strictly: a wrong byte is evidence, so it is reported, never replaced."""
    if not data:
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), expected UTF-8 text")
    # A byte-order mark is an encoding marker, not text: dropping it keeps column 1 on the first
    # character. Offsets then count characters of the text after the mark (as editors do).
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid UTF-8 at byte offset {exc.start + bom}") from None
