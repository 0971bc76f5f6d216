"""Qt-free read services for the GUI (app/views/<area>.py): functions of a Register, returning plain data."""
