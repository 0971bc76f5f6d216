"""hgd core: the Qt-free heart of the household register (domain, storage, import, command line)."""
__version__ = "0.1.0"
