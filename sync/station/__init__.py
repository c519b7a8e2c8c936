"""The station side of sync: the HTTP client, the engine that pushes the outbox and pulls changes,
and the code that applies pulled changes to the local store."""
