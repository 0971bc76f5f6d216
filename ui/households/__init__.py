"""The clerk's register: the households list, a household's members, the member editor, event dialogs, history."""
