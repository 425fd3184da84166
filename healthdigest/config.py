"""Settings: packaged defaults, overridden key by key by the user's YAML file."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from healthdigest.errors import ConfigError

APP = "healthdigest"
ENGINES = ("hybrid", "lead", "textrank")


@dataclass(frozen=True)
class Settings:
    """Everything a digest depends on besides its input; part of the cache key."""

    sentences: int = 3
    max_chars: int | None = 250
    engine: str = "hybrid"
    keywords: int = 8
    bulletin_keywords: int = 10
    highlights: int = 5
    words: tuple[str, ...] = ()
    stopwords: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()
    max_file_mb: int = 20
    source: str = field(default="defaults", compare=False)

    def __post_init__(self) -> None:
        # Callers of the Python API may pass lists or a dict; stored as tuples, a Settings
        # stays immutable and hashable (the word lists key the per-settings tokenizer).
        if isinstance(self.aliases, dict):
            object.__setattr__(self, "aliases", tuple(sorted(self.aliases.items())))
        for name in ("words", "stopwords", "aliases"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise ConfigError(f"'{name}' must be a list of words, not one string {value!r}")
            object.__setattr__(self, name, tuple(tuple(v) if name == "aliases" else v for v in value))
        if self.engine not in ENGINES:
            raise ConfigError(f"'engine' must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        # The config file's bounds hold for a Settings made in Python too: max_file_mb=0
        # refused every file as "0.0 MB is over the 0 MB limit", sentences=-5 went through.
        for name, key in _FIELD_BOUNDS.items():
            value = getattr(self, name)
            low, high = BOUNDS[key]
            if value is None and name == "max_chars":
                continue
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
                raise ConfigError(f"'{name}' must be a whole number from {low} to {high}"
                                  f"{' or None' if name == 'max_chars' else ''}, not {shown}")


def defaults_text() -> str:
    return resources.files("healthdigest").joinpath("defaults.yaml").read_text(encoding="utf-8")


def user_config_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP)) / "config.yaml"


# A settings file is a few hundred bytes; anything far bigger is not one (and /dev/zero
# must not be read until memory runs out).
MAX_CONFIG_BYTES = 1024 * 1024
# Bounds of the numeric settings: (least, greatest). A value outside is refused, naming the key.
BOUNDS = {
    "summary.sentences": (0, 100),
    "summary.max_chars": (1, 100_000),
    "keywords.count": (0, 100),
    "keywords.bulletin_count": (0, 100),
    "highlights.count": (0, 100),
    "input.max_file_mb": (1, 2048),
}
MAX_LIST = 10_000  # words, stopwords or aliases in a config file
_FIELD_BOUNDS = {"sentences": "summary.sentences", "max_chars": "summary.max_chars", "keywords": "keywords.count",
                 "bulletin_keywords": "keywords.bulletin_count", "highlights": "highlights.count",
                 "max_file_mb": "input.max_file_mb"}
# A settings file is three levels deep; PyYAML's scanner slows down with every level it
# holds open (a line of 100,000 "[" or "- " takes minutes), so deeper nesting is refused
# as soon as the scanner reaches it.
MAX_NESTING = 32


def _parse(text: str, origin: str) -> dict:
    import yaml  # only when there is a file to read: a run on the defaults starts faster

    try:
        _refuse_aliases(text, origin)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        if node is not None:
            _check_numbers(node, origin, "")
        data = yaml.safe_load(text)
    except yaml.constructor.ConstructorError as exc:
        if exc.problem and "tag" in exc.problem:
            raise ConfigError(f"{origin}: tag {exc.problem.split()[-1]} is not allowed; use plain YAML values") from None
        raise ConfigError(f"{origin}: {exc.problem or 'not a mapping of settings'}{_where(exc)}") from None
    except yaml.YAMLError as exc:
        # one line: PyYAML's own text of some errors (a NUL byte) runs over several
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise ConfigError(f"{origin}: not valid YAML{_where(exc)}: {problem}") from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise ConfigError(f"{origin}: not a valid settings file ({type(exc).__name__})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: the top level must be a mapping of settings")
    return data


def _where(exc) -> str:
    mark = getattr(exc, "problem_mark", None)
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""


def _refuse_aliases(text: str, origin: str) -> None:
    """Refuse anchors and aliases before anything is built: a settings file never needs them,
    and nested aliases (a "billion laughs") expand to gigabytes. Refuse nesting deeper than
    MAX_NESTING too, before the scanner slows to a crawl on it."""
    import yaml

    opening = (yaml.BlockSequenceStartToken, yaml.BlockMappingStartToken, yaml.FlowSequenceStartToken,
               yaml.FlowMappingStartToken)
    closing = (yaml.BlockEndToken, yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)
    depth = 0
    for token in yaml.scan(text, Loader=yaml.SafeLoader):
        depth += isinstance(token, opening) - isinstance(token, closing)
        if depth > MAX_NESTING:
            raise ConfigError(f"{origin}: line {token.start_mark.line + 1}: nested more than {MAX_NESTING} levels "
                              "deep; not a settings file")
        if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
            line = token.start_mark.line + 1
            raise ConfigError(f"{origin}: line {line}: YAML anchors and aliases (&name, *name) are not allowed; "
                              "write the values out")


def _check_numbers(node, origin: str, path: str) -> None:
    """Refuse a number too long to be a setting before PyYAML turns it into an int (a
    5,000-digit integer takes long to convert, or is refused by Python with a traceback),
    and a key set twice (PyYAML would keep the last silently: which one did the user mean?)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        lines: dict = {}
        for key, value in node.value:
            name = f"{path}{key.value}" if isinstance(key, yaml.ScalarNode) else f"{path}?"
            if isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 1
                if name in lines:
                    raise ConfigError(f"{origin}: '{name[:60]}' is set twice (lines {lines[name]} and {line}); "
                                      "keep one")
                lines[name] = line
            _check_numbers(value, origin, name + ".")
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_numbers(item, origin, path)
    elif (isinstance(node, yaml.ScalarNode) and node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
          and len(node.value) > 20):
        raise ConfigError(f"{origin}: '{path.rstrip('.')}' must be a small number, not one "
                              f"{len(node.value)} characters long")


def _merge(base: dict, override: dict, origin: str, prefix: str = "") -> dict:
    out = copy.deepcopy(base)
    for key, value in override.items():
        name = f"{prefix}{key}"
        if not isinstance(key, str) or key not in base:
            known = ", ".join(sorted(str(k) for k in base))
            raise ConfigError(f"{origin}: unknown setting '{str(name)[:60]}' (known here: {known})")
        default = base[key]
        if isinstance(default, dict) and name != "keywords.aliases":
            if value is None:  # a section left empty ("summary:" and nothing under it)
                continue
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: '{name}' must be a mapping")
            out[key] = _merge(default, value, origin, name + ".")
        else:
            out[key] = _check_type(name, value, default, origin)
    return out


def _check_type(name: str, value: Any, default: Any, origin: str) -> Any:
    if name in BOUNDS:
        low, high = BOUNDS[name]
        nullable = name == "summary.max_chars"
        ok = (value is None and nullable) or (isinstance(value, int) and not isinstance(value, bool) and low <= value <= high)
        want = f"a whole number from {low} to {high}" + (" or null" if nullable else "")
    elif name == "summary.engine":
        ok, want = value in ENGINES, "one of " + ", ".join(ENGINES)
    elif isinstance(default, bool):
        ok, want = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        want = "a whole number ≥ 0"
    elif isinstance(default, list):
        ok = isinstance(value, list) and len(value) <= MAX_LIST and all(
            isinstance(v, str) and v.strip() and "\n" not in v and len(v) <= 100 for v in value)
        want = f"a list of at most {MAX_LIST} words (one line, at most 100 characters each)"
    elif isinstance(default, dict):
        ok = isinstance(value, dict) and len(value) <= MAX_LIST and all(
            isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in value.items())
        want = "a mapping of word: canonical word"
    else:
        ok, want = isinstance(value, type(default)), type(default).__name__
    if not ok:
        shown = repr(value)
        raise ConfigError(f"{origin}: '{name}' must be {want}, not {shown if len(shown) <= 60 else shown[:57] + '...'}")
    return value


def load_settings(path: Path | None = None, *, overrides: dict | None = None) -> Settings:
    """Defaults, then the user's file (the given path, else the user config dir if present)."""
    if path is None:
        candidate = user_config_path()
        path = candidate if candidate.is_file() else None
    if path is None:
        # Settings() holds the same defaults as defaults.yaml (a test keeps them equal).
        return _with_overrides(Settings(), overrides)
    data = _parse(defaults_text(), "packaged defaults")
    source = "defaults"
    if path is not None:
        from healthdigest.errors import shown

        origin = shown(path)
        try:
            if Path(path).is_dir():
                raise ConfigError(f"{origin}: is a directory, not a config file")
            with open(path, "rb") as f:
                raw = f.read(MAX_CONFIG_BYTES + 1)
            if len(raw) > MAX_CONFIG_BYTES:
                raise ConfigError(f"{origin}: over {MAX_CONFIG_BYTES // 1024} KB; not a settings file")
            text = raw.decode("utf-8-sig")
        except FileNotFoundError:
            raise ConfigError(f"{origin}: config file not found; `healthdigest config init` writes one") from None
        except PermissionError:
            raise ConfigError(f"{origin}: permission denied; make the config file readable") from None
        except OSError as exc:
            raise ConfigError(f"{origin}: cannot be read ({exc.strerror})") from None
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{origin}: not UTF-8 text (byte {exc.start}); save the config as UTF-8") from None
        data = _merge(data, _parse(text, origin), origin)
        source = origin
    s, k = data["summary"], data["keywords"]
    settings = Settings(
        sentences=s["sentences"],
        max_chars=s["max_chars"],
        engine=s["engine"],
        keywords=k["count"],
        bulletin_keywords=k["bulletin_count"],
        highlights=data["highlights"]["count"],
        words=tuple(k["words"]),
        stopwords=tuple(k["stopwords"]),
        aliases=tuple(sorted(k["aliases"].items())),
        max_file_mb=data["input"]["max_file_mb"],
        source=source,
    )
    return _with_overrides(settings, overrides)


def _with_overrides(settings: Settings, overrides: dict | None) -> Settings:
    """Command-line options win over every file; None means the option was not given."""
    if overrides:
        from dataclasses import replace

        settings = replace(settings, **{key: v for key, v in overrides.items() if v is not None})
    return settings


def settings_as_yaml(settings: Settings) -> str:
    import yaml

    data = {
        "summary": {"sentences": settings.sentences, "max_chars": settings.max_chars, "engine": settings.engine},
        "keywords": {
            "count": settings.keywords,
            "bulletin_count": settings.bulletin_keywords,
            "words": list(settings.words),
            "stopwords": list(settings.stopwords),
            "aliases": dict(settings.aliases),
        },
        "highlights": {"count": settings.highlights},
        "input": {"max_file_mb": settings.max_file_mb},
    }
    return f"# settings in effect (from {settings.source})\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
