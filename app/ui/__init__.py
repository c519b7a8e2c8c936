"""The station's Qt front end: the only package that imports PySide6.

Entry point: `app.ui.main.run_gui`. Pages call services through `app.ui.tasks.Op`.
"""
