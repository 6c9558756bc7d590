"""kg: turn news articles into an attributed, Wikidata-linked knowledge graph of claims."""


def __getattr__(name: str):
    """``kg.__version__``, read from the installed package when first asked for:
    importlib.metadata takes longer to import than a read command takes to answer."""
    if name != "__version__":
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("kg")
    except PackageNotFoundError:  # running from a source tree that is not installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
