"""The `vaxdesk` command: the station window by default, admin subcommands otherwise.

`main` parses the command line (every command and flag is declared in `app.cli.main`) and runs the
command's handler from its own module: `station` (the database file), `records` (reports, exports,
data-protection duties, the audit check), `sync`, `cert` and `simulate`.
"""

from __future__ import annotations

from app.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
