"""Qt-free read services for the GUI: each takes a Register (read-only) and returns plain values."""
