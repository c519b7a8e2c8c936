"""`python -m sync.server.cli`: the `vaxdesk-server` command."""

from __future__ import annotations

import sys

from sync.server.cli.main import main

sys.exit(main())
