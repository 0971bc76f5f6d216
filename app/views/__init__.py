"""Qt-free read services for the GUI: each function takes an open Register and returns plain values."""
