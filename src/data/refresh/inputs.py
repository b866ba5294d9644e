"""Reading the input files, and how bad input is reported.

Every module of the package raises InputError for bad input; the command line
prints it as FILE:LINE: reason and exits with status 2.
"""


class InputError(Exception):
    """Bad input: reported as FILE:LINE: reason, exit status 2."""

    def __init__(self, path, line, reason):
        super().__init__(reason)
        self.path = path
        self.line = line        # 1-based; None when the whole file is at fault
        self.reason = reason

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.reason}"


def read_text(path, exact=False):
    """The text of `path`; unreadable or non-UTF-8 files are bad input. Pages
    lose a BOM and have CRLF and CR turned into LF; with `exact` (the rules
    file, which is written back) the text is kept byte for byte."""
    try:
        with open(path, encoding="utf-8" if exact else "utf-8-sig",
                  newline="" if exact else None) as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        raise InputError(path, None, f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise InputError(path, None, f"cannot read: {exc.strerror}") from None
