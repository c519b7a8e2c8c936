"""Issuing EU Digital COVID Certificates at the station: the site signer, review, issue, print,
correct. Without a signer the station hands out a voucher and issues after the next sync."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from sqlalchemy import select

from app.certificates.dcc import VaccinationFacts, build_payload, issue_hc1, standardised_name
from app.certificates.errors import CertificateError
from app.certificates.pdf import render_certificate_pdf
from app.certificates.signer import EKU_VACCINATION, Signer, create_demo_chain, load_signer
from app.certificates.uvci import make_uvci
from app.domain.ids import uuid7
from app.errors import NotFound, RuleViolation, ValidationError
from app.services.audit import record_access
from app.services.permissions import use_case
from app.services.unit_of_work import Actor, Clock, UnitOfWork, system_clock
from app.storage.engine import Store
from app.storage.schema import (
    Certificate,
    Person,
    Product,
    SignerKey,
    Site,
    TrustedSigner,
    Vaccination,
    VaccinationVoid,
)

ISSUER = "VaxDesk Impfzentrum"  # `is`: the issuing body shown on the certificate


class RemoteSigner(Protocol):
    """Online mode: the tenant API signs with the tenant's document signer (the sync client implements it)."""

    def sign(self, payload: dict[str, object]) -> str: ...


@dataclass(frozen=True)
class CertificateReview:
    """What the person confirms before the certificate is issued."""

    vaccination_id: str
    family_name: str
    given_name: str
    family_standardised: str
    given_standardised: str
    dob: str
    product_name: str
    dose: str  # "2/2"
    date: str
    country: str
    issuer: str
    signer_available: bool


CertificateStatus = Literal["none", "issued", "voucher", "revoked"]


@dataclass(frozen=True)
class VaccinationRow:
    """One dose in the printer desk's list, with where its certificate stands."""

    vaccination_id: str
    family_name: str
    given_name: str
    dob: str
    product_name: str
    dose: str  # "2/2"
    given_at: datetime  # site-local
    status: CertificateStatus  # of the newest certificate that is not revoked, else "revoked" or "none"
    certificate_id: str | None  # that certificate (None when there is none in force)
    uvci: str | None


@dataclass(frozen=True)
class IssuedCertificate:
    certificate_id: str
    uvci: str
    hc1: str | None  # None: a voucher, signed after the next sync

    @property
    def is_voucher(self) -> bool:
        return self.hc1 is None


_VACCINATION_EKUS = {EKU_VACCINATION, "1.3.6.1.4.1.0.1847.2021.1.2"}


def _may_sign_vaccinations(signer: Signer) -> bool:
    """A signer without extended key usage may sign every type; with it, vaccination must be named."""
    try:
        usage = signer.certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return bool({oid.dotted_string for oid in usage} & _VACCINATION_EKUS)


def _kid_text(kid: bytes) -> str:
    return base64.b64encode(kid).decode("ascii")


class CertificateDesk:
    def __init__(self, store: Store, *, clock: Clock = system_clock,
                 remote_signer: Callable[[], RemoteSigner | None] | None = None) -> None:
        self.store = store
        self.clock = clock
        self._remote = remote_signer

    # ---- the signer --------------------------------------------------------------------------

    @use_case
    def install_signer(self, actor: Actor, key_pem: bytes, certificate: bytes, *, password: bytes | None = None,
                       demo: bool = False) -> str:
        """Store the site's document signer (PEM key + PEM/DER certificate) encrypted in the station."""
        signer = load_signer(key_pem, certificate, password=password)
        if signer.not_after <= self.clock():
            raise ValidationError("This signer certificate has expired.")
        if not _may_sign_vaccinations(signer):
            raise ValidationError("This signer certificate is not for vaccination certificates (its extended key "
                                  "usage lacks the EU vaccination OID). Ask for a vaccination document signer.")
        key_bytes = signer.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        with UnitOfWork(self.store, actor, self.clock) as uow:
            for old in uow.session.scalars(select(SignerKey).where(SignerKey.retired_at.is_(None))):
                old.retired_at = uow.now
            row = SignerKey(id=uuid7(), site_id=self.store.identity.site_id, certificate_der=signer.der,
                            private_key_pem=key_bytes, kid=_kid_text(signer.kid), not_after=signer.not_after,
                            demo=demo, installed_at=uow.now, installed_by=actor.staff_id)
            uow.session.add(row)
            self._trust(uow, signer.der, signer.kid, source="site-signer")
            uow.record(action="signer.installed", entity="signer_key", entity_id=row.id,
                       details={"kid": row.kid, "not_after": signer.not_after.isoformat(), "demo": demo})
            return row.id

    @use_case
    def install_signer_pkcs12(self, actor: Actor, data: bytes, *, password: bytes | None) -> str:
        """The same from a PKCS#12 file (key and certificate in one, as CAs often hand them out)."""
        try:
            key, cert, _ = pkcs12.load_key_and_certificates(data, password)
        except (ValueError, TypeError) as exc:
            raise ValidationError("The PKCS#12 file cannot be read (wrong password, or not a PKCS#12 file).") from exc
        if key is None or cert is None:
            raise ValidationError("The PKCS#12 file holds no key and certificate.")
        key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        return self.install_signer(actor, key_pem, cert.public_bytes(serialization.Encoding.PEM))

    @use_case
    def install_demo_signer(self, actor: Actor, country: str = "DE") -> str:
        chain = create_demo_chain(country=country, now=self.clock())
        key = chain.signer.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        cert = chain.signer.certificate.public_bytes(serialization.Encoding.PEM)
        return self.install_signer(actor, key, cert, demo=True)

    @staticmethod
    def _trust(uow: UnitOfWork, der: bytes, kid: bytes, *, source: str) -> None:
        if uow.session.get(TrustedSigner, _kid_text(kid)) is None:
            uow.session.add(TrustedSigner(kid=_kid_text(kid), certificate_der=der, country=None, source=source,
                                          added_at=uow.now))

    @use_case
    def site_signer(self, actor: Actor) -> Signer | None:
        """The site's document signer if one is installed and valid now."""
        return self._site_signer()

    def _site_signer(self) -> Signer | None:
        with self.store.read() as session:
            row = session.scalars(select(SignerKey).where(SignerKey.retired_at.is_(None))
                                  .order_by(SignerKey.installed_at.desc())).first()
        if row is None or row.not_after <= self.clock():
            return None
        return load_signer(row.private_key_pem, row.certificate_der)

    @use_case
    def trusted_certificates(self) -> list[bytes]:
        with self.store.read() as session:
            return list(session.scalars(select(TrustedSigner.certificate_der)))

    # ---- the printer desk's list -------------------------------------------------------------

    @use_case
    def recent_vaccinations(self, actor: Actor, day: date | None = None) -> list[VaccinationRow]:
        """The doses given on `day` (site-local; default today), oldest first, voided ones left out."""
        with self.store.read() as session:
            site = session.get(Site, self.store.identity.site_id)
            assert site is not None
            tz = ZoneInfo(site.timezone)
            day = day or self.clock().astimezone(tz).date()
            start = datetime.combine(day, time.min, tz)
            end = datetime.combine(day + timedelta(days=1), time.min, tz)
            voided = select(VaccinationVoid.vaccination_id)
            doses = session.execute(
                select(Vaccination, Person.family_name, Person.given_name, Person.dob, Product.name)
                .join(Person, Person.id == Vaccination.person_id)
                .join(Product, Product.code == Vaccination.product_code)
                .where(Vaccination.given_at >= start, Vaccination.given_at < end, Vaccination.id.not_in(voided))
                .order_by(Vaccination.given_at, Vaccination.id)
            ).all()
            ids = [row[0].id for row in doses]
            certificates: dict[str, list[Certificate]] = {}
            for cert in session.scalars(select(Certificate).where(Certificate.vaccination_id.in_(ids))
                                        .order_by(Certificate.issued_at.desc(), Certificate.id.desc())):
                certificates.setdefault(cert.vaccination_id, []).append(cert)
            rows = []
            for vaccination, family, given, dob, product_name in doses:
                issued = certificates.get(vaccination.id, [])
                current = next((c for c in issued if c.revoked_at is None), None)
                status: CertificateStatus
                if current is not None:
                    status = "issued" if current.hc1 is not None else "voucher"
                else:
                    status = "revoked" if issued else "none"
                rows.append(VaccinationRow(
                    vaccination_id=vaccination.id, family_name=family, given_name=given, dob=dob,
                    product_name=product_name, dose=f"{vaccination.dose_number}/{vaccination.series_doses}",
                    given_at=vaccination.given_at.astimezone(tz), status=status,
                    certificate_id=current.id if current else None, uvci=current.uvci if current else None,
                ))
        return rows

    @use_case
    def certificate_text(self, actor: Actor, certificate_id: str) -> str | None:
        """The signed `HC1:` text of a certificate (None for a voucher), e.g. to check it or show its QR."""
        with self.store.read() as session:
            cert = session.get(Certificate, certificate_id)
            if cert is None:
                raise NotFound("That certificate does not exist.")
            return cert.hc1

    # ---- review and issue ---------------------------------------------------------------------

    def _facts(self, vaccination_id: str, *, uvci: str) -> tuple[VaccinationFacts, Product]:
        with self.store.read() as session:
            row = session.execute(
                select(Vaccination, Person, Product, Site)
                .join(Person, Person.id == Vaccination.person_id)
                .join(Product, Product.code == Vaccination.product_code)
                .join(Site, Site.id == self.store.identity.site_id)
                .where(Vaccination.id == vaccination_id)
            ).first()
            if row is None:
                raise NotFound("That vaccination does not exist.")
            vaccination, person, product, site = row
            if session.scalar(select(VaccinationVoid.id).where(VaccinationVoid.vaccination_id == vaccination_id)):
                raise RuleViolation("This dose was voided; issue the certificate for the corrected record.")
            # The day as the person lived it: a dose at 00:30 in Berlin is that day's, not yesterday's UTC date.
            tz_date = vaccination.given_at.astimezone(ZoneInfo(site.timezone)).date().isoformat()
        facts = VaccinationFacts(
            family_name=person.family_name, given_name=person.given_name, dob=person.dob, product=product.mp,
            manufacturer=product.ma, prophylaxis=product.vp, dose_number=vaccination.dose_number,
            total_doses=vaccination.series_doses, date=tz_date, country=vaccination.country or site.country,
            issuer=ISSUER, uvci=uvci,
        )
        return facts, product

    @use_case
    def review(self, actor: Actor, vaccination_id: str) -> CertificateReview:
        facts, product = self._facts(vaccination_id, uvci="URN:UVCI:01:DE:REVIEW/0#0")
        fnt, gnt = standardised_name(facts)
        record_access(self.store, actor, action="certificate.reviewed", entity="vaccination", entity_id=vaccination_id,
                      persons=self._persons_of(vaccination_id), clock=self.clock)
        return CertificateReview(
            vaccination_id=vaccination_id, family_name=facts.family_name, given_name=facts.given_name,
            family_standardised=fnt, given_standardised=gnt, dob=facts.dob, product_name=product.name,
            dose=f"{facts.dose_number}/{facts.total_doses}", date=str(facts.date), country=facts.country,
            issuer=facts.issuer,
            signer_available=self._site_signer() is not None or (self._remote is not None and self._remote() is not None),
        )

    @use_case
    def issue(self, actor: Actor, vaccination_id: str, *, replaces: str | None = None,
              reason: str | None = None) -> IssuedCertificate:
        """Issue (sign) the certificate, or a voucher when no signer is at hand."""
        with self.store.read() as session:
            site = session.get(Site, self.store.identity.site_id)
            assert site is not None
            country = site.country
        uvci = make_uvci(country=country, issuer="VXD")
        facts, _ = self._facts(vaccination_id, uvci=uvci)
        payload = build_payload(facts)
        hc1 = self._sign(payload)
        with UnitOfWork(self.store, actor, self.clock) as uow:
            current = uow.session.scalars(select(Certificate.id).where(
                Certificate.vaccination_id == vaccination_id, Certificate.revoked_at.is_(None))).first()
            if replaces is None and current is not None:
                raise RuleViolation("This dose already has a certificate: print it again, or correct it.")
            if replaces is not None:
                old = uow.session.get(Certificate, replaces)
                if old is None or old.revoked_at is not None:
                    raise RuleViolation("That certificate does not exist or was already replaced.")
                old.revoked_at, old.revoke_reason, old.revoked_by = uow.now, reason, actor.staff_id
                uow.record(action="certificate.revoked", entity="certificate", entity_id=old.id,
                           payload={"id": old.id, "uvci": old.uvci, "reason": reason},
                           details={"reason": reason, "approved_by": actor.staff_id})
            cert = Certificate(id=uuid7(), vaccination_id=vaccination_id, uvci=uvci, hc1=hc1, issued_at=uow.now,
                               issued_by=actor.staff_id, replaces_id=replaces)
            uow.session.add(cert)
            uow.session.flush()
            uow.record(action="certificate.voucher" if hc1 is None else "certificate.issued", entity="certificate",
                       entity_id=cert.id,
                       payload={"id": cert.id, "vaccination_id": vaccination_id, "uvci": uvci, "hc1": hc1,
                                "replaces_id": replaces},
                       details={"replaces": replaces})
            return IssuedCertificate(cert.id, uvci, hc1)

    def _sign(self, payload: dict[str, object]) -> str | None:
        signer = self._site_signer()
        if signer is not None:
            return issue_hc1(payload, signer, issued_at=self.clock())
        remote = self._remote() if self._remote else None
        if remote is not None:
            try:
                return remote.sign(payload)
            except CertificateError:
                return None
        return None

    @use_case
    def correct(self, actor: Actor, certificate_id: str, *, vaccination_id: str, reason: str) -> IssuedCertificate:
        """Re-issue with a new identifier; the old certificate is listed as revoked. Admins approve."""
        reason = " ".join(reason.split())
        if not reason:
            raise ValidationError("Give the reason for the correction.")
        return self.issue(actor, vaccination_id, replaces=certificate_id, reason=reason[:300])

    @use_case
    def pdf(self, actor: Actor, certificate_id: str) -> bytes:
        with self.store.read() as session:
            cert = session.get(Certificate, certificate_id)
            if cert is None:
                raise NotFound("That certificate does not exist.")
            if cert.hc1 is None:
                raise RuleViolation("This certificate is a voucher: it is signed after the next sync.")
            hc1, vaccination_id, uvci = cert.hc1, cert.vaccination_id, cert.uvci
        facts, _ = self._facts(vaccination_id, uvci=uvci)
        pdf = render_certificate_pdf(payload=build_payload(facts), hc1=hc1)
        record_access(self.store, actor, action="certificate.printed", entity="certificate", entity_id=certificate_id,
                      persons=self._persons_of(vaccination_id), clock=self.clock)
        return pdf

    def _persons_of(self, vaccination_id: str) -> list[str]:
        with self.store.read() as session:
            person_id = session.scalar(select(Vaccination.person_id).where(Vaccination.id == vaccination_id))
        return [person_id] if person_id else []

    @use_case
    def issued_for(self, actor: Actor, vaccination_id: str) -> list[tuple[str, str, datetime, bool]]:
        """(certificate id, uvci, issued at, revoked) for one vaccination, newest first."""
        with self.store.read() as session:
            rows = session.execute(select(Certificate.id, Certificate.uvci, Certificate.issued_at,
                                          Certificate.revoked_at.is_not(None))
                                   .where(Certificate.vaccination_id == vaccination_id)
                                   .order_by(Certificate.issued_at.desc())).all()
        return [(i, u, t, bool(r)) for i, u, t, r in rows]
