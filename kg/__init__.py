"""kg: turn news articles into an attributed, Wikidata-linked knowledge graph of claims."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kg")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
