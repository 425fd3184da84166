"""healthdigest: digests of Chinese health-policy bulletins.

The public API lives in `healthdigest.api` and is re-exported here (see docs/api.md):

    import healthdigest as hd
    print(hd.render_digest(hd.digest_path("bulletin.txt"), "markdown"))
"""

__version__ = "0.1.0"

# The names are resolved on first use, so `healthdigest --help`, which imports this package,
# does not pay for the API's imports.
_API = frozenset(
    """ENGINES FORMATS SEGMENT_FORMATS Article Bulletin ConfigError Dropped HealthdigestError Highlight
    InputError Keyword Metadata Outcome OutputError Sentence Settings digest_bytes digest_many digest_path
    digest_text digest_with_dask find_inputs load_settings make_briefing prepare render_digest render_segments segment_bytes segment_path
    segment_text""".split()
)
__all__ = ["__version__", *sorted(_API)]


def __getattr__(name: str):
    if name in _API:
        from healthdigest import api

        return getattr(api, name)
    raise AttributeError(f"module 'healthdigest' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | _API)
