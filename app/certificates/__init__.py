"""EU Digital COVID Certificates and corsign codes: issue, sign, verify, print. Never imports Qt.

Entry points: `dcc` (payload and HC1 issuing), `verify`, `pdf`, `corsign`, `commands` (CLI).
"""
