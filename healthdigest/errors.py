"""Exit statuses and the errors whose message is shown to the user as it is."""

from enum import IntEnum


class ExitStatus(IntEnum):
    """Every way the command can end; listed in the README."""

    OK = 0
    INPUT_ERROR = 1  # at least one input could not be digested; the others were
    USAGE = 2  # bad command line (Typer's own code for usage errors)
    CONFIG_ERROR = 3  # the configuration file is missing, invalid or has unknown keys
    OUTPUT_ERROR = 4  # the output file or directory cannot be written
    WARNINGS = 5  # with --strict: a digest carries warnings (text left out, stories merged…)
    INTERRUPTED = 130  # stopped with Ctrl-C / SIGINT; no partial output is left behind


class HealthdigestError(Exception):
    """An error caused by the user's input or settings; its message says what to do."""

    status = ExitStatus.INPUT_ERROR


class InputError(HealthdigestError):
    """A bulletin file that cannot be read or decoded."""


class ConfigError(HealthdigestError):
    status = ExitStatus.CONFIG_ERROR


class OutputError(HealthdigestError):
    status = ExitStatus.OUTPUT_ERROR
