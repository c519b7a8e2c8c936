"""A progress bar for long commands (`simulate-day`, `demo`) on a terminal; plain lines in a log."""

from __future__ import annotations

from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """`[#####     ] 42% check-in 10:40` on a terminal; one plain line per phase otherwise; nothing without a stream."""

    def __init__(self, stream: TextIO | None = None, *, width: int = 30, command: str = "simulate-day") -> None:
        self.stream = stream
        self.command = command
        self.tty = bool(stream is not None and stream.isatty())
        self.width = width
        self.phase = ""

    def update(self, fraction: float, phase: str, detail: str = "") -> None:
        if self.stream is None:
            return
        fraction = min(1.0, max(0.0, fraction))
        if self.tty:
            filled = round(fraction * self.width)
            self.stream.write(f"\r[{'#' * filled}{' ' * (self.width - filled)}] {fraction:4.0%} {phase} {detail}\x1b[K")
            self.stream.flush()
        elif phase != self.phase:
            self.stream.write(f"{self.command}: {phase}\n")
            self.stream.flush()
        self.phase = phase

    def done(self) -> None:
        if self.stream is not None and self.tty:
            self.update(1.0, "done")
            self.stream.write("\n")
            self.stream.flush()
