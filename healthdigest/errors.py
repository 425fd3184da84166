"""Exit statuses and the errors whose message is shown to the user as it is."""

from __future__ import annotations

import os
from enum import IntEnum


class ExitStatus(IntEnum):
    """Every way the command can end; listed in the README."""

    OK = 0
    INPUT_ERROR = 1  # at least one input could not be digested; the others were
    USAGE = 2  # bad command line (Typer's own code for usage errors)
    CONFIG_ERROR = 3  # the configuration file is missing, invalid or has unknown keys
    OUTPUT_ERROR = 4  # an output file or directory cannot be written
    WARNINGS = 5  # with --strict: a digest carries warnings (text left out, stories merged…)
    INTERNAL = 70  # a bug (EX_SOFTWARE): one line on stderr; HEALTHDIGEST_DEBUG=1 shows the traceback
    HANGUP = 129  # SIGHUP (128 + 1): the terminal or session went away; cleaned up as for Ctrl-C
    INTERRUPTED = 130  # stopped with Ctrl-C / SIGINT; no partial output is left behind
    TERMINATED = 143  # SIGTERM (128 + 15), as sent by cron, systemd or timeout; as for Ctrl-C


class HealthdigestError(Exception):
    """An error caused by the user's input or settings; its message says what to do."""

    status = ExitStatus.INPUT_ERROR


class InputError(HealthdigestError):
    """A bulletin file that cannot be read or decoded."""


class ConfigError(HealthdigestError):
    status = ExitStatus.CONFIG_ERROR


class OutputError(HealthdigestError):
    status = ExitStatus.OUTPUT_ERROR


class UsageError(HealthdigestError):
    status = ExitStatus.USAGE


_CONTROL = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def shown(name: os.PathLike | str) -> str:
    """A file name fit for a one-line message or a JSON string.

    Names are bytes on Unix: a byte that is not UTF-8 (kept by Python as a lone surrogate)
    is shown as \\xHH, and a newline or other control character as its escape, so a message
    stays one line and can always be printed. A name with nothing odd is shown as it is.
    """
    text = os.fspath(name)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte code - 0xDC00
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch in _CONTROL:
            out.append(_CONTROL[ch])
        elif not ch.isprintable() and ch != "\u3000":  # a full-width space is common in names
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


class Interrupted(KeyboardInterrupt):
    """SIGINT, SIGTERM or SIGHUP, raised like Ctrl-C's KeyboardInterrupt so that the same
    clean-up runs (temporary files removed, workers ended); `signum` gives the exit status."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class StdoutGone(Exception):
    """The reader of standard output went away (`| head`): the run ends quietly, status 0,
    as other Unix tools do. Not an OSError, so nothing on the way reports it as one."""
