"""The e-certificate terminal."""

__version__ = "0.1.0"
