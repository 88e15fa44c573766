"""The one exception type a user can cause, printed by the command line as a single line."""


class InputError(Exception):
    """Bad input: the message names the file, the problem and the fix."""
