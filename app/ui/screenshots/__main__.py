"""`python -m app.ui.screenshots --db … --out … [--lang de]`: see the package's docstring."""

from __future__ import annotations

import sys

from app.ui.screenshots import main

if __name__ == "__main__":
    sys.exit(main())
