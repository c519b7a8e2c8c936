"""The station's Qt front end: the only package that imports PySide6.

Entry point: `app.ui.main.run_gui`. Pages call the station's services (`app.station.StationServices`) through
`Page.read` / `Page.write` (`app.ui.tasks.Op`); docs/architecture.md has the layers.
"""
