"""Sync between stations and the cloud tenant API: the wire protocol shared by both ends
(`sync.protocol`), the station's engine and client (`sync.station`) and the reference server
(`sync.server`)."""
