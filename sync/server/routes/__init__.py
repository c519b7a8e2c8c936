"""The tenant API's station-facing routes, one APIRouter per concern; their dependencies are in
sync/server/deps.py and their data access in the modules that own the tables. The citizen's and the
public booking routes are in sync/server/citizen.py and sync/server/public.py."""
