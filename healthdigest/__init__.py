"""healthdigest: digests of Chinese health-policy bulletins."""

__version__ = "0.1.0"
