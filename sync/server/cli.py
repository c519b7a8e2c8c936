"""The `vaxdesk-server` command (the cloud tenant API). Arrives with the sync work."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    print("vaxdesk-server: the tenant API server is not yet available in this version.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
