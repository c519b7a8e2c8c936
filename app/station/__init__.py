"""The station's composition root: the use cases of one open store, built once after unlock and handed
to the UI (pages, the login, the background sync). Qt-free; sits above `app.services` and `sync.station`.

    services = unlock_station(path, passphrase).services      # on the database lane
    services.checkin.find(actor, "VX-…")                       # any page, through an Op
    written = services.write(lambda: services.lots.block(…))   # what the write changed, for the UI
"""

from __future__ import annotations

from app.station.services import StationInfo, StationServices, UnlockedStation, Written, unlock_station

__all__ = ["StationInfo", "StationServices", "UnlockedStation", "Written", "unlock_station"]
