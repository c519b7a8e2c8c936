"""Online signing for certificate issuing: the tenant API signs with the tenant's document signer,
for stations that keep no signer of their own (CertificateDesk's `remote_signer` seam)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import httpx

from app.certificates.errors import CertificateError
from app.storage.engine import Store
from sync import protocol as p
from sync.errors import SyncError
from sync.station.client import SyncClient
from sync.station.meta import K_CA, K_TOKEN, K_URL, get_meta


class TenantApiSigner:
    def __init__(self, url: str, token: str, *, ca_bundle: str | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self._options: dict[str, Any] = {"token": token, "ca_bundle": ca_bundle, "transport": transport,
                                         "retries": 1}
        self._url = url

    def sign(self, payload: dict[str, object], *, subject_id: str, kind: Literal["v", "r"]) -> str:
        """The signed HC1; CertificateError when the server cannot sign now (it does not hold the dose
        yet, or cannot be reached): the station then records a voucher and signs it after a sync."""
        try:
            with SyncClient(self._url, **self._options) as client:
                return client.sign(p.SignRequest(payload=dict(payload), subject_id=subject_id, kind=kind)).hc1
        except SyncError as exc:
            raise CertificateError(code="cert_server_could_not_sign", params={"detail": str(exc)}) from exc


def online_signer(store: Store, *, transport: httpx.BaseTransport | None = None
                  ) -> Callable[[], TenantApiSigner | None]:
    """A factory for CertificateDesk: a signer when this station is enrolled, else None."""

    def make() -> TenantApiSigner | None:
        with store.read() as session:
            url, token, ca = get_meta(session, K_URL), get_meta(session, K_TOKEN), get_meta(session, K_CA)
        if not url or not token:
            return None
        return TenantApiSigner(url, token, ca_bundle=ca, transport=transport)

    return make
