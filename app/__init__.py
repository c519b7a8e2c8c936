"""VaxDesk: the on-site station application of a vaccination center."""

__version__ = "0.1.0"
