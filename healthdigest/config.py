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


def defaults_text() -> str:
    return resources.files("healthdigest").joinpath("defaults.yaml").read_text(encoding="utf-8")


def user_config_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP)) / "config.yaml"


def _parse(text: str, origin: str) -> dict:
    import yaml  # only when there is a file to read: a run on the defaults starts faster

    try:
        data = yaml.safe_load(text)
    except yaml.constructor.ConstructorError as exc:
        raise ConfigError(f"{origin}: tag {exc.problem.split()[-1] if exc.problem else ''} is not allowed; "
                          "use plain YAML values") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(f"{origin}: not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: the top level must be a mapping of settings")
    return data


def _merge(base: dict, override: dict, origin: str, prefix: str = "") -> dict:
    out = copy.deepcopy(base)
    for key, value in override.items():
        name = f"{prefix}{key}"
        if key not in base:
            known = ", ".join(sorted(str(k) for k in base))
            raise ConfigError(f"{origin}: unknown setting '{name}' (known here: {known})")
        default = base[key]
        if isinstance(default, dict) and name != "keywords.aliases":
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: '{name}' must be a mapping")
            out[key] = _merge(default, value, origin, name + ".")
        else:
            out[key] = _check_type(name, value, default, origin)
    return out


def _check_type(name: str, value: Any, default: Any, origin: str) -> Any:
    if name == "summary.max_chars":
        ok = value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0)
        want = "a positive whole number or null"
    elif name == "summary.engine":
        ok, want = value in ENGINES, "one of " + ", ".join(ENGINES)
    elif isinstance(default, bool):
        ok, want = isinstance(value, bool), "true or false"
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        want = "a whole number ≥ 0"
    elif isinstance(default, list):
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        want = "a list of words"
    elif isinstance(default, dict):
        ok = isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
        want = "a mapping of word: canonical word"
    else:
        ok, want = isinstance(value, type(default)), type(default).__name__
    if not ok:
        raise ConfigError(f"{origin}: '{name}' must be {want}, not {value!r}")
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
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"{path}: config file not found; `healthdigest config init` writes one") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot be read ({exc})") from None
        data = _merge(data, _parse(text, str(path)), str(path))
        source = str(path)
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
