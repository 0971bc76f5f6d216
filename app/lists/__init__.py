"""The month's official lists: the forms as versioned definitions, their XLSX and PDF writers, the minutes."""
