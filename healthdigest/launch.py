"""The console script's entry point: signals are caught from the first moment.

The command line's libraries (Typer, Click, Rich) take a fraction of a second to load; a
Ctrl-C, or the SIGTERM of a `timeout` or a cron job, that arrives then must end the run like
one that arrives later (one line on stderr, the documented status), not with a traceback
from the middle of an import. So this module, which loads nothing heavy, installs the
handlers before it imports the command line.
"""

from __future__ import annotations

import signal
import sys

from healthdigest.errors import Interrupted

# The signal that stopped the run (SIGINT, SIGTERM or SIGHUP), for its exit status.
received: int | None = None


def _handler(signum, frame) -> None:
    global received
    received = signum
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, signal.SIG_IGN)  # a second signal must not interrupt the clean-up
    # Only a worker pool that exists can be mid-operation; importing batch here could meet
    # it half-imported (the signal may arrive while it loads).
    batch = sys.modules.get("healthdigest.batch")
    defer = getattr(batch, "defer_interrupt", None)
    if defer is None or not defer(signum):  # the pool is mid-operation: raised once it is done
        raise Interrupted(signum)


def catch_signals() -> None:
    """SIGTERM (cron, systemd, timeout) and SIGHUP (the terminal closed) unwind like Ctrl-C.
    A signal already ignored (SIGHUP under nohup) stays ignored."""
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) == signal.SIG_DFL:
            signal.signal(sig, _handler)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _handler)


def status_of(exc: BaseException) -> int:
    """The exit status of a run ended by this interruption: 130, 143 or 129."""
    signum = getattr(exc, "signum", None) or received or signal.SIGINT
    return 128 + int(signum)


def say_interrupted(exc: BaseException) -> None:
    signum = getattr(exc, "signum", None) or received or signal.SIGINT
    try:
        sys.stderr.write(f"healthdigest: interrupted ({signal.Signals(signum).name})\n")
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass


def main() -> None:
    catch_signals()
    try:
        from healthdigest.cli import main as run
    except KeyboardInterrupt as exc:  # while the command line was loading: nothing was begun
        say_interrupted(exc)
        sys.exit(status_of(exc))
    run()
