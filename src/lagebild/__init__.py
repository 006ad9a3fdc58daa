"""lagebild: German news articles in, a sourced, time-resolved database of political events out.

The pipeline (`lagebild.pipeline.default_pipeline`) runs small stages over one `Article`
(`lagebild.document`); `lagebild.cli` is the command line.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lagebild")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
