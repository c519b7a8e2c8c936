"""Issuing EU Digital COVID Certificates at the station: the site signer, review, issue, print,
correct, revoke. Without a signer the station hands out a voucher with a claim code; as soon as a
signer is at hand (a site signer installed, or the tenant API reached) the voucher is signed and the
desk lists it as ready to print.

What is printed always comes from the signed code, never from today's records."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from datetime import date as _Date  # CertificateReview has a field named `date`
from typing import Literal, Protocol, TypeVar
from zoneinfo import ZoneInfo

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from app.certificates.dcc import (
    RECOVERY_VALID_AFTER,
    RECOVERY_VALID_FOR,
    RESULT_NOT_DETECTED,
    TEST_NAAT,
    TEST_RAPID,
    RecoveryFacts,
    TestFacts,
    VaccinationFacts,
    build_payload,
    build_recovery_payload,
    build_test_payload,
    sign_hc1,
    standardised_name,
    untransliterable,
)
from app.certificates.errors import CertificateDataError, CertificateError
from app.certificates.mrz import birth_date_matches, parse_mrz
from app.certificates.pdf import render_certificate_pdf
from app.certificates.signer import (
    EKU_RECOVERY,
    EKU_TEST,
    EKU_VACCINATION,
    Signer,
    create_demo_chain,
    load_signer,
)
from app.certificates.uvci import make_uvci
from app.certificates.verify import read_signed
from app.certificates.voucher import VoucherData, render_voucher_pdf
from app.domain.booking_code import format_booking_code, new_booking_code, normalise_booking_code
from app.domain.ids import uuid7
from app.errors import NotFound, RuleViolation, ValidationError
from app.reasons import Reason
from app.services.audit import record_access
from app.services.covid_tests import device_catalogue
from app.services.doses import day_range
from app.services.permissions import use_case
from app.services.revocations import revoke as _revoke
from app.services.rows import get_row
from app.services.unit_of_work import Actor, Clock, UnitOfWork, system_clock
from app.storage.engine import Store
from app.storage.schema import (
    Certificate,
    CovidTest,
    Infection,
    Meta,
    Person,
    Product,
    SignerKey,
    Site,
    TrustedSigner,
    Vaccination,
    VaccinationVoid,
)

log = logging.getLogger(__name__)

K_ISSUER, K_VALIDITY = "certificates.issuer", "certificates.validity_days"
DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS = 365, 730
# A certificate must not outlive its signer; one that would live only days is refused, not issued.
WARN_SIGNER_DAYS, REFUSE_SIGNER_DAYS = 30, 7


class RemoteSigner(Protocol):
    """Online mode: the tenant API signs with the tenant's document signer (the sync client implements
    it). The server signs only for a dose or infection it holds, named by `subject_id`."""

    def sign(self, payload: dict[str, object], *, subject_id: str, kind: Literal["v", "r"]) -> str: ...


@dataclass(frozen=True)
class SignerStatus:
    """Who would sign now, until when, and what the desk must be told about it."""

    source: Literal["site", "server", "none"]
    not_after: datetime | None  # the site signer's end (None for the server's: it tells with the code)
    demo: bool
    warnings: tuple[Reason, ...]

    @property
    def available(self) -> bool:
        return self.source != "none"


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
    valid_until: _Date | None = None  # what the certificate would say if signed now (None: not known yet)
    warnings: tuple[Reason, ...] = ()  # shown, do not stop issuing
    refusal: Reason | None = None  # why no certificate can be issued here (external dose, missing MRZ)
    names_from_mrz: bool = False
    demo: bool = False
    person_id: str = ""


@dataclass(frozen=True)
class TestCertificateReview:
    """What the person confirms before their EU test certificate is issued."""

    __test__ = False

    test_id: str
    family_name: str
    given_name: str
    family_standardised: str
    given_standardised: str
    dob: str
    test_type: str  # rat | naat
    device: str | None  # the EU list's name of a rapid test
    sampled_at: datetime  # site-local
    result: str | None
    centre: str
    issuer: str
    signer_available: bool
    refusal: Reason | None = None  # why no certificate can be issued (not negative, no signer, needs the MRZ)


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
class VoucherRow:
    """A voucher at the desk: waiting for a signer, or signed and ready to print."""

    certificate_id: str
    claim_code: str  # formatted ABCD-EFGH-J
    family_name: str
    given_name: str
    dob: str
    kind: str  # "v" or "r"
    issued_at: datetime  # site-local: when the voucher was handed out
    signed: bool  # True: ready to print
    vaccination_id: str | None = None
    given_on: date | None = None  # site-local day of the dose, to find it in the desk's list


@dataclass(frozen=True)
class IssuedCertificate:
    certificate_id: str
    uvci: str
    hc1: str | None  # None: a voucher, signed as soon as a signer is at hand
    claim_code: str | None = None
    expires_at: datetime | None = None
    demo: bool = False

    @property
    def is_voucher(self) -> bool:
        return self.hc1 is None


@dataclass(frozen=True)
class _Signed:
    hc1: str
    expires_at: datetime | None
    demo: bool


_VACCINATION_EKUS = {EKU_VACCINATION, "1.3.6.1.4.1.0.1847.2021.1.2"}
_RECOVERY_EKUS = {EKU_RECOVERY, "1.3.6.1.4.1.0.1847.2021.1.3"}
_TEST_EKUS = {EKU_TEST, "1.3.6.1.4.1.0.1847.2021.1.1"}
# The signed code of a test certificate lives 72 hours: what a test result is good for at most.
TEST_CERTIFICATE_VALIDITY = timedelta(hours=72)


def _may_sign(signer: Signer, allowed: set[str]) -> bool:
    """A signer without extended key usage may sign every type; with it, the type must be named."""
    try:
        usage = signer.certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return bool({oid.dotted_string for oid in usage} & allowed)


def _kid_text(kid: bytes) -> str:
    return base64.b64encode(kid).decode("ascii")


class CertificateDesk:
    def __init__(self, store: Store, *, clock: Clock = system_clock,
                 remote_signer: Callable[[], RemoteSigner | None] | None = None) -> None:
        self.store = store
        self.clock = clock
        self._remote = remote_signer

    # ---- configuration -----------------------------------------------------------------------

    @use_case
    def configure(self, actor: Actor, *, issuer: str | None = None, validity_days: int | None = None) -> None:
        """The tenant's certificate settings at this station: `is` and how long certificates are valid."""
        values: dict[str, str] = {}
        if issuer is not None:
            text = " ".join(issuer.split())
            if not 1 <= len(text) <= 80 or not text.isprintable():
                raise ValidationError(code="cert_issuer_invalid", field="issuer")
            values[K_ISSUER] = text
        if validity_days is not None:
            if not 1 <= validity_days <= MAX_VALIDITY_DAYS:
                raise ValidationError(code="cert_validity_invalid", params={"max": MAX_VALIDITY_DAYS},
                                      field="validity_days")
            values[K_VALIDITY] = str(validity_days)
        with UnitOfWork(self.store, actor, self.clock) as uow:
            for key, value in values.items():
                row = uow.session.get(Meta, key)
                if row is None:
                    uow.session.add(Meta(key=key, value=value))
                else:
                    row.value = value
            uow.record(action="certificates.configured", entity="station", entity_id=None, details=values)

    def _settings(self, session: Session) -> tuple[str, int, Site]:
        site = session.get(Site, self.store.identity.site_id)
        assert site is not None
        issuer_row, validity_row = session.get(Meta, K_ISSUER), session.get(Meta, K_VALIDITY)
        # Not configured: the site's own name, which is who hands the certificate over.
        issuer = issuer_row.value if issuer_row is not None else site.name
        validity = int(validity_row.value) if validity_row is not None else DEFAULT_VALIDITY_DAYS
        return issuer, validity, site

    # ---- the signer --------------------------------------------------------------------------

    @use_case
    def install_signer(self, actor: Actor, key_pem: bytes, certificate: bytes, *, password: bytes | None = None,
                       demo: bool = False) -> str:
        """Store the site's document signer (PEM key + PEM/DER certificate) encrypted in the station."""
        signer = load_signer(key_pem, certificate, password=password)
        if signer.not_after <= self.clock():
            raise ValidationError(code="cert_signer_expired")
        if not _may_sign(signer, _VACCINATION_EKUS):
            raise ValidationError(code="cert_signer_wrong_usage")
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
            raise ValidationError(code="cert_signer_p12_unreadable") from exc
        if key is None or cert is None:
            raise ValidationError(code="cert_signer_p12_empty")
        key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        return self.install_signer(actor, key_pem, cert.public_bytes(serialization.Encoding.PEM))

    @use_case
    def install_demo_signer(self, actor: Actor, country: str = "DE") -> str:
        """A self-made signer for demos and training: what it signs says DEMO - NOT VALID."""
        chain = create_demo_chain(country=country, now=self.clock(), ekus=(EKU_VACCINATION, EKU_RECOVERY, EKU_TEST))
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
        """The site's document signer if one is installed and may still sign (more than 7 days left)."""
        found = self._site_signer_row()
        return found[0] if found is not None else None

    def _site_signer_row(self) -> tuple[Signer, bool] | None:
        with self.store.read() as session:
            row = session.scalars(select(SignerKey).where(SignerKey.retired_at.is_(None))
                                  .order_by(SignerKey.installed_at.desc())).first()
        if row is None or row.not_after - timedelta(days=REFUSE_SIGNER_DAYS) <= self.clock():
            return None
        return load_signer(row.private_key_pem, row.certificate_der), row.demo

    @use_case
    def signer_status(self) -> SignerStatus:
        """What the review screen tells: the site signer's end (warned 30 days ahead, refused 7 days
        ahead), or that the server signs, or that a voucher will be handed out."""
        with self.store.read() as session:
            row = session.scalars(select(SignerKey).where(SignerKey.retired_at.is_(None))
                                  .order_by(SignerKey.installed_at.desc())).first()
        now = self.clock()
        warnings: list[Reason] = []
        if row is not None and row.not_after > now:
            end = row.not_after.date().isoformat()
            if row.not_after - timedelta(days=REFUSE_SIGNER_DAYS) <= now:
                warnings.append(Reason("cert_signer_expiring", {"date": end}))
            else:
                if row.not_after - timedelta(days=WARN_SIGNER_DAYS) <= now:
                    warnings.append(Reason("cert_signer_expires_soon", {"date": end}))
                if row.demo:
                    warnings.append(Reason("cert_demo_signer"))
                return SignerStatus("site", row.not_after, row.demo, tuple(warnings))
        if self._remote is not None and self._remote() is not None:
            return SignerStatus("server", None, False, tuple(warnings))
        return SignerStatus("none", None, False, tuple(warnings))

    @use_case
    def trusted_certificates(self) -> list[bytes]:
        with self.store.read() as session:
            return list(session.scalars(select(TrustedSigner.certificate_der)))

    # ---- the printer desk's lists ------------------------------------------------------------

    @use_case
    def recent_vaccinations(self, actor: Actor, day: date | None = None) -> list[VaccinationRow]:
        """The doses given on `day` (site-local; default today), oldest first, voided ones left out."""
        with self.store.read() as session:
            site = session.get(Site, self.store.identity.site_id)
            assert site is not None
            tz = ZoneInfo(site.timezone)
            day = day or self.clock().astimezone(tz).date()
            start, end = day_range(day, tz)
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
                if cert.vaccination_id is not None:
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
    def vouchers(self, actor: Actor) -> list[VoucherRow]:
        """Vouchers in force: signed and not printed yet first (ready to print), then those still waiting."""
        with self.store.read() as session:
            site = session.get(Site, self.store.identity.site_id)
            assert site is not None
            tz = ZoneInfo(site.timezone)
            rows = session.execute(
                select(Certificate, Person.family_name, Person.given_name, Person.dob, Vaccination.given_at)
                .outerjoin(Vaccination, Vaccination.id == Certificate.vaccination_id)
                .outerjoin(Infection, Infection.id == Certificate.infection_id)
                .join(Person, (Person.id == Vaccination.person_id) | (Person.id == Infection.person_id))
                .where(Certificate.claim_code.is_not(None), Certificate.revoked_at.is_(None),
                       Certificate.printed_at.is_(None))
                .order_by(Certificate.issued_at)).all()
        out = [VoucherRow(certificate_id=c.id, claim_code=format_booking_code(c.claim_code or ""), family_name=f,
                          given_name=g, dob=d, kind=c.kind, issued_at=c.issued_at.astimezone(tz),
                          signed=c.hc1 is not None, vaccination_id=c.vaccination_id,
                          given_on=given.astimezone(tz).date() if given is not None else None)
               for c, f, g, d, given in rows]
        return sorted(out, key=lambda v: (not v.signed, v.issued_at))

    @use_case
    def find_voucher(self, actor: Actor, claim_code: str) -> str:
        """The certificate behind a voucher's claim code (typed, or scanned from the voucher's QR)."""
        text = claim_code.strip()
        text = text.removeprefix(VOUCHER_QR_PREFIX)
        code = normalise_booking_code(text)
        with self.store.read() as session:
            row = session.execute(select(Certificate.id, Certificate.revoked_at, Certificate.revoke_reason)
                                  .where(Certificate.claim_code == code)).first() if code else None
        if row is None:
            raise NotFound(code="cert_voucher_unknown", params={"code": text[:20]})
        if row.revoked_at is not None:
            # Its dose was voided or corrected: the voucher is void too, and the desk must say why (the
            # list of vouchers in force does not hold it, which read as "printed already").
            raise RuleViolation(code="cert_voucher_revoked", params={"reason": (row.revoke_reason or "")[:300]})
        return str(row.id)

    @use_case
    def certificate_text(self, actor: Actor, certificate_id: str) -> str | None:
        """The signed `HC1:` text of a certificate (None for a voucher), e.g. to check it or show its QR."""
        with self.store.read() as session:
            cert = get_row(session, Certificate, certificate_id, code="cert_not_found")
            return cert.hc1

    @use_case
    def revoked_here(self, uvci: str) -> str | None:
        """The reason when this center revoked the certificate with this identifier (also on another
        station: revocations sync); None when it did not."""
        with self.store.read() as session:
            row = session.execute(select(Certificate.revoked_at, Certificate.revoke_reason)
                                  .where(Certificate.uvci == uvci[:80])).first()
        if row is None or row[0] is None:
            return None
        return row[1] or ""

    # ---- review and issue ---------------------------------------------------------------------

    def _vaccination_facts(self, session: Session, vaccination_id: str, *, uvci: str, issuer: str,
                           standardised: tuple[str, str] | None) -> tuple[VaccinationFacts, Product, Vaccination]:
        row = session.execute(
            select(Vaccination, Person, Product, Site)
            .join(Person, Person.id == Vaccination.person_id)
            .join(Product, Product.code == Vaccination.product_code)
            .join(Site, Site.id == self.store.identity.site_id)
            .where(Vaccination.id == vaccination_id)
        ).first()
        if row is None:
            raise NotFound(code="cert_vaccination_not_found")
        vaccination, person, product, site = row
        if session.scalar(select(VaccinationVoid.id).where(VaccinationVoid.vaccination_id == vaccination_id)):
            raise RuleViolation(code="cert_dose_voided")
        # The day as the person lived it: a dose at 00:30 in Berlin is that day's, not yesterday's UTC date.
        tz_date = vaccination.given_at.astimezone(ZoneInfo(site.timezone)).date().isoformat()
        facts = VaccinationFacts(
            family_name=person.family_name, given_name=person.given_name, dob=person.dob, product=product.mp,
            manufacturer=product.ma, prophylaxis=product.vp, dose_number=vaccination.dose_number,
            total_doses=vaccination.series_doses, date=tz_date, country=vaccination.country or site.country,
            issuer=issuer, uvci=uvci, standardised=standardised,
        )
        return facts, product, vaccination

    @staticmethod
    def _issuing_refusal(vaccination: Vaccination, site: Site) -> Reason | None:
        # Regulation (EU) 2021/953 art. 5: the state where the dose was given issues its certificate.
        country = (vaccination.country or site.country).upper()
        if country != site.country.upper():
            return Reason("cert_external_other_country", {"country": country})
        return None

    def _mrz_names(self, mrz: str | None, dob: str) -> tuple[str, str] | None:
        if mrz is None or not mrz.strip():
            return None
        names = parse_mrz(mrz)
        if not birth_date_matches(names, dob):
            raise CertificateDataError(code="mrz_other_person", field="mrz")
        return names.fnt, names.gnt

    def _person_dob(self, session: Session, vaccination_id: str) -> str:
        dob = session.scalar(select(Person.dob).join(Vaccination, Vaccination.person_id == Person.id)
                             .where(Vaccination.id == vaccination_id))
        if dob is None:
            raise NotFound(code="cert_vaccination_not_found")
        return dob

    @use_case
    def review(self, actor: Actor, vaccination_id: str, *, mrz: str | None = None) -> CertificateReview:
        status = self.signer_status()
        with self.store.read() as session:
            issuer, validity, site = self._settings(session)
            standardised = self._mrz_names(mrz, self._person_dob(session, vaccination_id))
            issuer = _demo_issuer(issuer) if status.demo else issuer
            facts, product, vaccination = self._vaccination_facts(
                session, vaccination_id, uvci="URN:UVCI:01:DE:REVIEW/0#0", issuer=issuer, standardised=standardised)
            refusal = self._issuing_refusal(vaccination, site)
        missing = untransliterable(facts)
        if refusal is None and missing:
            refusal = Reason("cert_name_needs_mrz", {"letters": missing[:10]}, "mrz")
        if refusal is None:
            try:  # what issuing would refuse (a name past the DCC's 80 characters, a date before birth)
                build_payload(replace(facts, uvci=make_uvci(country=facts.country, issuer="VXD")))
            except CertificateDataError as exc:
                refusal = Reason(exc.code, dict(exc.params), exc.field)
        fnt, gnt = standardised_name(facts) if not missing else ("", "")
        record_access(self.store, actor, action="certificate.reviewed", entity="vaccination", entity_id=vaccination_id,
                      persons=[vaccination.person_id], clock=self.clock)
        return CertificateReview(
            vaccination_id=vaccination_id, family_name=facts.family_name, given_name=facts.given_name,
            family_standardised=fnt, given_standardised=gnt, dob=facts.dob, product_name=product.name,
            dose=f"{facts.dose_number}/{facts.total_doses}", date=str(facts.date), country=facts.country,
            issuer=facts.issuer, signer_available=status.available,
            valid_until=self._valid_until(status, validity), warnings=status.warnings, refusal=refusal,
            names_from_mrz=standardised is not None, demo=status.demo, person_id=vaccination.person_id,
        )

    def _valid_until(self, status: SignerStatus, validity: int) -> date | None:
        if status.source == "none":
            return None
        end = self.clock() + timedelta(days=validity)
        if status.not_after is not None:
            end = min(end, status.not_after)
        return end.date()

    @use_case
    def issue(self, actor: Actor, vaccination_id: str, *, replaces: str | None = None,
              reason: str | None = None, mrz: str | None = None) -> IssuedCertificate:
        """Issue (sign) the certificate, or a voucher when no signer is at hand. A dose that has a voucher
        gets that voucher signed, never a second certificate."""
        with self.store.read() as session:
            issuer, validity, site = self._settings(session)
            standardised = self._mrz_names(mrz, self._person_dob(session, vaccination_id))
            if standardised is None and replaces is not None:
                standardised = _names_kept(session, replaces)
            current = session.scalars(select(Certificate).where(
                Certificate.vaccination_id == vaccination_id, Certificate.revoked_at.is_(None))).first()
        if current is not None and replaces is None:
            if current.hc1 is not None:
                raise RuleViolation(code="cert_already_issued")
            signed = self.sign_voucher(actor, current.id, mrz=mrz)
            return signed
        uvci = make_uvci(country=site.country, issuer="VXD")
        signed_now = self._sign_facts(lambda issuer_text: self._build_vaccination(
            vaccination_id, uvci=uvci, issuer=issuer_text, standardised=standardised), subject_id=vaccination_id,
            kind="v", issuer=issuer, validity=validity, country=site.country)
        return self._store_new(actor, kind="v", vaccination_id=vaccination_id, infection_id=None, uvci=uvci,
                               signed=signed_now, replaces=replaces, reason=reason)

    def _build_vaccination(self, vaccination_id: str, *, uvci: str, issuer: str,
                           standardised: tuple[str, str] | None) -> dict[str, object]:
        with self.store.read() as session:
            facts, _, vaccination = self._vaccination_facts(session, vaccination_id, uvci=uvci, issuer=issuer,
                                                            standardised=standardised)
            site = session.get(Site, self.store.identity.site_id)
            assert site is not None
            refusal = self._issuing_refusal(vaccination, site)
        if refusal is not None:
            raise RuleViolation.of(refusal)
        return build_payload(facts)

    @use_case
    def issue_recovery(self, actor: Actor, infection_id: str, *, mrz: str | None = None, replaces: str | None = None,
                       reason: str | None = None) -> IssuedCertificate:
        """A recovery certificate (`r`) from a positive NAAT result recorded at this station: valid from
        11 days after the test (or today, if later) until 180 days after it."""
        issuer, validity, site, infection, person, standardised = self._new_certificate(
            Infection, infection_id, missing="infection_not_found", in_force=Certificate.infection_id == infection_id,
            mrz=mrz, replaces=replaces)
        if infection.source != "test" or infection.test_type != "naat":
            raise RuleViolation(code="cert_recovery_needs_naat", params={"source": infection.source})
        if infection.country.upper() != site.country.upper():
            raise RuleViolation(code="cert_external_other_country", params={"country": infection.country})
        today = self.clock().astimezone(ZoneInfo(site.timezone)).date()
        valid_until = infection.detected_on + RECOVERY_VALID_FOR
        if today > valid_until:
            raise RuleViolation(code="cert_recovery_expired")
        uvci = make_uvci(country=site.country, issuer="VXD")
        build = _recovery_builder(infection, person, uvci=uvci, today=today, standardised=standardised)
        build(issuer)  # refuse bad data (a name needing the MRZ) before anything is written
        signed = self._sign_facts(build, subject_id=infection_id, kind="r", issuer=issuer, validity=validity,
                                  country=site.country)
        return self._store_new(actor, kind="r", vaccination_id=None, infection_id=infection_id, uvci=uvci,
                               signed=signed, replaces=replaces, reason=reason)

    @use_case
    def review_test(self, actor: Actor, test_id: str, *, mrz: str | None = None) -> TestCertificateReview:
        """The test certificate as it would be issued now, with the reason when it cannot be (audited read)."""
        found = self._site_signer_row()
        with self.store.read() as session:
            issuer, _validity, site = self._settings(session)
            test, person = _subject_with_person(session, CovidTest, test_id, missing="test_not_found")
            standardised = self._mrz_names(mrz, person.dob)
        facts = TestFacts(family_name=person.family_name, given_name=person.given_name, dob=person.dob,
                          test_type=TEST_RAPID, sampled_at=test.ordered_at, result=RESULT_NOT_DETECTED,
                          centre=site.name, country=site.country, issuer=issuer, uvci="", standardised=standardised)
        missing = untransliterable(facts)
        refusal = (Reason("cert_test_no_result") if test.result is None else
                   Reason("cert_test_not_negative") if test.result != "negative" else
                   Reason("cert_name_needs_mrz", {"letters": missing[:10]}, "mrz") if missing else
                   Reason("cert_test_needs_signer") if found is None else
                   Reason("cert_signer_not_for_test") if not _may_sign(found[0], _TEST_EKUS) else None)
        fnt, gnt = standardised_name(facts) if not missing else ("", "")
        device = device_catalogue().devices.get(test.device_id or "")
        record_access(self.store, actor, action="certificate.reviewed", entity="covid_test", entity_id=test_id,
                      persons=[person.id], clock=self.clock)
        return TestCertificateReview(
            test_id=test_id, family_name=person.family_name, given_name=person.given_name, family_standardised=fnt,
            given_standardised=gnt, dob=person.dob, test_type=test.test_type,
            device=device.name if device is not None else None,
            sampled_at=(test.sampled_at or test.ordered_at).astimezone(ZoneInfo(site.timezone)), result=test.result,
            centre=site.name, issuer=_demo_issuer(issuer) if found is not None and found[1] else issuer,
            signer_available=found is not None, refusal=refusal)

    @use_case
    def issue_test(self, actor: Actor, test_id: str, *, mrz: str | None = None, replaces: str | None = None,
                   reason: str | None = None) -> IssuedCertificate:
        """A test certificate (`t`) for a negative result of a test taken here, signed with the site's
        signer (the tenant API signs doses and recoveries only; a test certificate is wanted now, not after
        a voucher's round trip)."""
        issuer, _validity, site, test, person, standardised = self._new_certificate(
            CovidTest, test_id, missing="test_not_found", in_force=Certificate.test_id == test_id, mrz=mrz,
            replaces=replaces)
        if test.result is None or test.sampled_at is None:
            raise RuleViolation(code="cert_test_no_result")
        if test.result != "negative":
            raise RuleViolation(code="cert_test_not_negative")
        found = self._site_signer_row()
        if found is None:
            raise RuleViolation(code="cert_test_needs_signer")
        signer, demo = found
        if not _may_sign(signer, _TEST_EKUS):
            raise RuleViolation(code="cert_signer_not_for_test")
        uvci = make_uvci(country=site.country, issuer="VXD")
        device = device_catalogue().devices.get(test.device_id or "")
        payload = build_test_payload(TestFacts(
            family_name=person.family_name, given_name=person.given_name, dob=person.dob,
            test_type=TEST_RAPID if test.test_type == "rat" else TEST_NAAT, sampled_at=test.sampled_at,
            result=RESULT_NOT_DETECTED, centre=site.name, country=site.country,
            issuer=_demo_issuer(issuer) if demo else issuer, uvci=uvci,
            device=device.device_id if device is not None and test.test_type == "rat" else None,
            standardised=standardised))
        signed = sign_hc1(payload, signer, issued_at=self.clock(), valid_for=TEST_CERTIFICATE_VALIDITY,
                          issuer_country=site.country)
        return self._store_new(actor, kind="t", vaccination_id=None, infection_id=None, test_id=test_id, uvci=uvci,
                               signed=_Signed(signed.hc1, signed.expires_at, demo), replaces=replaces, reason=reason)

    def _new_certificate(self, model: type[_Subject], subject_id: str, *, missing: str, in_force: ColumnElement[bool],
                         mrz: str | None, replaces: str | None,
                         ) -> tuple[str, int, Site, _Subject, Person, tuple[str, str] | None]:
        """What a recovery or test certificate starts from: the issuer, validity and site, the infection or
        test with its person, the names from the MRZ; refused while one is in force and this replaces none."""
        with self.store.read() as session:
            issuer, validity, site = self._settings(session)
            subject, person = _subject_with_person(session, model, subject_id, missing=missing)
            standardised = self._mrz_names(mrz, person.dob)
            if standardised is None and replaces is not None:
                standardised = _names_kept(session, replaces)
            current = _current_certificate(session, in_force)
        if current is not None and replaces is None:
            raise RuleViolation(code="cert_already_issued")
        return issuer, validity, site, subject, person, standardised

    def _sign_facts(self, build: Callable[[str], dict[str, object]], *, subject_id: str, kind: Literal["v", "r"],
                    issuer: str,
                    validity: int, country: str) -> _Signed | None:
        """Build the payload for whoever signs (a demo signer's certificates say so in `is`) and sign it;
        None when no signer is at hand. Data problems raise before anything is stored."""
        site = self._site_signer_row()
        if site is not None:
            signer, demo = site
            if kind == "r" and not _may_sign(signer, _RECOVERY_EKUS):
                raise RuleViolation(code="cert_signer_not_for_recovery")
            payload = build(_demo_issuer(issuer) if demo else issuer)
            signed = sign_hc1(payload, signer, issued_at=self.clock(), valid_for=timedelta(days=validity),
                              issuer_country=country)
            return _Signed(signed.hc1, signed.expires_at, demo)
        payload = build(issuer)
        remote = self._remote() if self._remote else None
        if remote is not None:
            try:
                hc1 = remote.sign(payload, subject_id=subject_id, kind=kind)
            except CertificateError as exc:
                log.info("online signing not possible now; voucher", extra={"code": exc.code})
                return None
            return _Signed(hc1, read_signed(hc1).expires_at, False)
        return None

    def _store_new(self, actor: Actor, *, kind: str, vaccination_id: str | None, infection_id: str | None,
                   uvci: str, signed: _Signed | None, replaces: str | None, reason: str | None,
                   test_id: str | None = None) -> IssuedCertificate:
        with UnitOfWork(self.store, actor, self.clock) as uow:
            subject = (Certificate.vaccination_id == vaccination_id if vaccination_id is not None
                       else Certificate.test_id == test_id if test_id is not None
                       else Certificate.infection_id == infection_id)
            current = uow.session.scalars(select(Certificate.id).where(
                subject, Certificate.revoked_at.is_(None))).first()
            if replaces is None and current is not None:
                raise RuleViolation(code="cert_already_issued")
            if replaces is not None:
                old = uow.session.get(Certificate, replaces)
                if old is None or old.revoked_at is not None:
                    raise RuleViolation(code="cert_replaced_missing")
                if (old.vaccination_id, old.infection_id, old.test_id) != (vaccination_id, infection_id, test_id):
                    # A correction re-issues the certificate of the same dose, test or recovery: naming
                    # another person's certificate here would revoke it.
                    raise RuleViolation(code="cert_replaced_other_subject")
                _revoke(uow, old, reason or "")
            claim = None if signed is not None else _new_claim_code(uow.session)
            cert = Certificate(
                id=uuid7(), vaccination_id=vaccination_id, infection_id=infection_id, test_id=test_id, kind=kind,
                uvci=uvci,
                hc1=signed.hc1 if signed else None, issued_at=uow.now, issued_by=actor.staff_id,
                replaces_id=replaces, claim_code=claim, signed_at=uow.now if signed else None,
                expires_at=signed.expires_at if signed else None, demo=signed.demo if signed else False)
            uow.session.add(cert)
            uow.session.flush()
            uow.record(action="certificate.voucher" if signed is None else "certificate.issued", entity="certificate",
                       entity_id=cert.id, payload=_certificate_payload(cert),
                       details={"replaces": replaces, "kind": kind})
            return _issued(cert)

    @use_case
    def sign_voucher(self, actor: Actor, certificate_id: str, *, mrz: str | None = None) -> IssuedCertificate:
        """Sign one waiting voucher now (from today's records: a correction made meanwhile is included);
        it stays a voucher when no signer is at hand."""
        with self.store.read() as session:
            cert = session.get(Certificate, certificate_id)
            if cert is None or cert.revoked_at is not None:
                raise NotFound(code="cert_not_found")
            if cert.hc1 is not None:
                return _issued(cert)
            issuer, validity, site = self._settings(session)
            kind, vaccination_id, infection_id, uvci = cert.kind, cert.vaccination_id, cert.infection_id, cert.uvci
            dob = session.scalar(select(Person.dob).where(Person.id == _person_of(session, cert)))
        standardised = self._mrz_names(mrz, dob or "")
        if kind == "r" and infection_id is not None:
            signed = self._sign_recovery_voucher(infection_id, uvci, issuer, validity, site, standardised)
        else:
            assert vaccination_id is not None
            signed = self._sign_facts(lambda issuer_text: self._build_vaccination(
                vaccination_id, uvci=uvci, issuer=issuer_text, standardised=standardised), subject_id=vaccination_id,
                kind="v", issuer=issuer, validity=validity, country=site.country)
        if signed is None:
            with self.store.read() as session:
                cert = session.get(Certificate, certificate_id)
                assert cert is not None
                return _issued(cert)
        with UnitOfWork(self.store, actor, self.clock) as uow:
            cert = uow.session.get(Certificate, certificate_id)
            if cert is None or cert.revoked_at is not None:
                raise NotFound(code="cert_not_found")
            if cert.hc1 is None:
                cert.hc1, cert.signed_at, cert.expires_at, cert.demo = signed.hc1, uow.now, signed.expires_at, signed.demo
                uow.record(action="certificate.signed", entity="certificate", entity_id=cert.id,
                           payload=_certificate_payload(cert), details={"voucher": True})
            return _issued(cert)

    def _sign_recovery_voucher(self, infection_id: str, uvci: str, issuer: str, validity: int, site: Site,
                               standardised: tuple[str, str] | None) -> _Signed | None:
        with self.store.read() as session:
            infection, person = _subject_with_person(session, Infection, infection_id, missing="infection_not_found")
        today = self.clock().astimezone(ZoneInfo(site.timezone)).date()
        build = _recovery_builder(infection, person, uvci=uvci, today=today, standardised=standardised)
        return self._sign_facts(build, subject_id=infection_id, kind="r", issuer=issuer, validity=validity,
                                country=site.country)

    @use_case
    def sign_waiting_vouchers(self, actor: Actor) -> list[str]:
        """After a successful sync round, or once a site signer is installed: sign every voucher that
        can be signed now. Returns the ids that became certificates (the desk lists them ready to print).
        A voucher whose data cannot be signed (say, a name that now needs the MRZ) stays a voucher."""
        with self.store.read() as session:
            # A voucher has its claim code until it is signed; a purged certificate has neither.
            waiting = list(session.scalars(select(Certificate.id).where(
                Certificate.hc1.is_(None), Certificate.claim_code.is_not(None), Certificate.revoked_at.is_(None))
                .order_by(Certificate.issued_at)))
        if not waiting or not self.signer_status().available:
            return []
        signed = []
        for certificate_id in waiting:
            try:
                if self.sign_voucher(actor, certificate_id).hc1 is not None:
                    signed.append(certificate_id)
            except (CertificateDataError, RuleViolation, ValidationError, NotFound) as exc:
                log.warning("voucher left unsigned", extra={"certificate": certificate_id, "code": exc.code})
        return signed

    @use_case
    def correct(self, actor: Actor, certificate_id: str, *, vaccination_id: str, reason: str,
                mrz: str | None = None) -> IssuedCertificate:
        """Re-issue with a new identifier; the old certificate is revoked. Doctors and admins approve."""
        reason = " ".join(reason.split())
        if not reason:
            raise ValidationError(code="cert_reason_required", field="reason")
        return self.issue(actor, vaccination_id, replaces=certificate_id, reason=reason[:300], mrz=mrz)

    @use_case
    def reissue_for_person_change(self, actor: Actor, certificate_id: str, *, reason: str,
                                  mrz: str | None = None) -> IssuedCertificate:
        """After a correction of the person's data: a new certificate from the corrected record, the old
        one revoked. Allowed to whoever may correct a person, but only when the signed names or date of
        birth really differ from the record now (a dose correction stays with doctors and admins)."""
        text = " ".join(reason.split())
        if not text:
            raise ValidationError(code="cert_reason_required", field="reason")
        with self.store.read() as session:
            cert = session.get(Certificate, certificate_id)
            if cert is None or cert.revoked_at is not None or cert.hc1 is None:
                raise RuleViolation(code="cert_replaced_missing")
            person = session.get(Person, _person_of(session, cert))
            assert person is not None
            signed = read_signed(cert.hc1).payload
            kind, vaccination_id, infection_id, test_id = cert.kind, cert.vaccination_id, cert.infection_id, cert.test_id
        name = signed.get("nam") or {}
        if (name.get("fn"), name.get("gn", ""), signed.get("dob")) == (
                person.family_name.strip(), person.given_name.strip(), person.dob):
            raise RuleViolation(code="cert_reissue_nothing_changed")
        if kind == "r" and infection_id is not None:
            return self.issue_recovery(actor, infection_id, mrz=mrz, replaces=certificate_id, reason=text[:300])
        if kind == "t" and test_id is not None:
            return self.issue_test(actor, test_id, mrz=mrz, replaces=certificate_id, reason=text[:300])
        assert vaccination_id is not None
        return self.issue(actor, vaccination_id, replaces=certificate_id, reason=text[:300], mrz=mrz)

    @use_case
    def pdf(self, actor: Actor, certificate_id: str) -> bytes:
        """The printable certificate, from the signed code: a reprint shows exactly what was signed."""
        with self.store.read() as session:
            cert = get_row(session, Certificate, certificate_id, code="cert_not_found")
            if cert.hc1 is None:
                raise RuleViolation(code="cert_is_voucher")
            hc1, demo, person_id = cert.hc1, cert.demo, _person_of(session, cert)
        pdf = render_certificate_pdf(hc1=hc1, demo=demo)
        record_access(self.store, actor, action="certificate.printed", entity="certificate", entity_id=certificate_id,
                      persons=[person_id] if person_id else [], clock=self.clock)
        return pdf

    @use_case
    def printed(self, actor: Actor, certificate_id: str) -> None:
        """The certificate went to the printer or into a PDF: a signed voucher leaves the ready list."""
        with UnitOfWork(self.store, actor, self.clock) as uow:
            cert = get_row(uow.session, Certificate, certificate_id, code="cert_not_found")
            first = cert.printed_at is None
            if first:
                cert.printed_at = uow.now
            uow.record(action="certificate.printed", entity="certificate", entity_id=cert.id,
                       payload={"id": cert.id, "printed_at": uow.now.isoformat()} if first else None,
                       details={"reprint": not first})

    @use_case
    def voucher_pdf(self, actor: Actor, certificate_id: str) -> bytes:
        """The printable voucher: the claim code (text and QR) the person brings back or quotes."""
        with self.store.read() as session:
            cert = session.get(Certificate, certificate_id)
            if cert is None or cert.claim_code is None:
                raise NotFound(code="cert_not_found")
            person = session.get(Person, _person_of(session, cert))
            site = session.get(Site, self.store.identity.site_id)
            assert person is not None and site is not None
            tz = ZoneInfo(site.timezone)
            data = VoucherData(claim_code=format_booking_code(cert.claim_code), qr_text=VOUCHER_QR_PREFIX +
                               cert.claim_code, person_name=", ".join(p for p in (person.family_name, person.given_name)
                                                                     if p),
                               dob=person.dob, site_name=site.name, kind=cert.kind,
                               issued_at=cert.issued_at.astimezone(tz))
        pdf = render_voucher_pdf(data)
        record_access(self.store, actor, action="certificate.voucher_printed", entity="certificate",
                      entity_id=certificate_id, persons=[person.id], clock=self.clock)
        return pdf

    @use_case
    def issued_for(self, actor: Actor, vaccination_id: str) -> list[tuple[str, str, datetime, bool]]:
        """(certificate id, uvci, issued at, revoked) for one vaccination, newest first."""
        with self.store.read() as session:
            rows = session.execute(select(Certificate.id, Certificate.uvci, Certificate.issued_at,
                                          Certificate.revoked_at.is_not(None))
                                   .where(Certificate.vaccination_id == vaccination_id)
                                   .order_by(Certificate.issued_at.desc())).all()
        return [(i, u, t, bool(r)) for i, u, t, r in rows]

    @use_case
    def certificates_of_person(self, actor: Actor, person_id: str) -> list[tuple[str, str | None, str]]:
        """(certificate id, vaccination id, uvci) of every certificate in force for a person: what a
        correction of the person's data offers to re-issue."""
        with self.store.read() as session:
            rows = session.execute(
                select(Certificate.id, Certificate.vaccination_id, Certificate.uvci)
                .outerjoin(Vaccination, Vaccination.id == Certificate.vaccination_id)
                .outerjoin(Infection, Infection.id == Certificate.infection_id)
                .outerjoin(CovidTest, CovidTest.id == Certificate.test_id)
                .where(Certificate.revoked_at.is_(None),
                       (Vaccination.person_id == person_id) | (Infection.person_id == person_id)
                       | (CovidTest.person_id == person_id))
                .order_by(Certificate.issued_at)).all()
        return [(i, v, u) for i, v, u in rows]


VOUCHER_QR_PREFIX = "VAXDESK-VOUCHER:"


@use_case
def sign_waiting_vouchers(store: Store, *, remote_signer: Callable[[], RemoteSigner | None] | None = None,
                          clock: Clock = system_clock) -> list[str]:
    """The hook after a successful sync round (the station's sync runner and `vaxdesk sync`): the server
    now holds the doses pushed in the round, so vouchers waiting for it can be signed."""
    return CertificateDesk(store, clock=clock, remote_signer=remote_signer).sign_waiting_vouchers(Actor.system())


def _recovery_builder(infection: Infection, person: Person, *, uvci: str, today: date,
                      standardised: tuple[str, str] | None) -> Callable[[str], dict[str, object]]:
    """The recovery payload for whoever signs (the issuer text differs for a demo signer): valid from
    11 days after the test, or today if later, until 180 days after it."""

    def build(issuer: str) -> dict[str, object]:
        return build_recovery_payload(RecoveryFacts(
            family_name=person.family_name, given_name=person.given_name, dob=person.dob,
            first_positive=infection.detected_on, valid_from=max(infection.detected_on + RECOVERY_VALID_AFTER, today),
            valid_until=infection.detected_on + RECOVERY_VALID_FOR, country=infection.country, issuer=issuer,
            uvci=uvci, standardised=standardised))

    return build


def _demo_issuer(issuer: str) -> str:
    return f"DEMO - NOT VALID - {issuer}"[:80]


def _new_claim_code(session: Session) -> str:
    while True:  # 32^8 codes: a collision is a curiosity, but the column is unique
        code = new_booking_code()
        if session.scalar(select(Certificate.id).where(Certificate.claim_code == code)) is None:
            return code


def _person_of(session: Session, cert: Certificate) -> str | None:
    if cert.vaccination_id is not None:
        return session.scalar(select(Vaccination.person_id).where(Vaccination.id == cert.vaccination_id))
    if cert.test_id is not None:
        return session.scalar(select(CovidTest.person_id).where(CovidTest.id == cert.test_id))
    return session.scalar(select(Infection.person_id).where(Infection.id == cert.infection_id))


def _names_kept(session: Session, replaces: str) -> tuple[str, str] | None:
    """On a re-issue without a new MRZ: the MRZ names of the certificate it replaces (a dose's, a
    recovery's or a test's), if the names they stand for did not change (a correction of the date of
    birth keeps the passport's spelling)."""
    old = session.get(Certificate, replaces)
    if old is None or old.hc1 is None:
        return None
    person_id = _person_of(session, old)
    person = session.get(Person, person_id) if person_id is not None else None
    if person is None:
        return None
    try:
        name = read_signed(old.hc1).payload.get("nam", {})
    except ValidationError:
        return None
    if name.get("fn") != person.family_name.strip() or name.get("gn", "") != person.given_name.strip():
        return None
    return str(name.get("fnt", "")), str(name.get("gnt", ""))


def _certificate_payload(cert: Certificate) -> dict[str, object]:
    return {"id": cert.id, "vaccination_id": cert.vaccination_id, "infection_id": cert.infection_id,
            "test_id": cert.test_id,
            "kind": cert.kind, "uvci": cert.uvci, "hc1": cert.hc1, "replaces_id": cert.replaces_id,
            "claim_code": cert.claim_code, "signed_at": cert.signed_at.isoformat() if cert.signed_at else None,
            "expires_at": cert.expires_at.isoformat() if cert.expires_at else None, "demo": cert.demo,
            "issued_at": cert.issued_at.isoformat()}


def _issued(cert: Certificate) -> IssuedCertificate:
    return IssuedCertificate(cert.id, cert.uvci, cert.hc1,
                             claim_code=format_booking_code(cert.claim_code) if cert.claim_code else None,
                             expires_at=cert.expires_at, demo=cert.demo)


_Subject = TypeVar("_Subject", Infection, CovidTest)


def _subject_with_person(session: Session, model: type[_Subject], subject_id: str, *,
                         missing: str) -> tuple[_Subject, Person]:
    """The recorded infection or test a certificate is about, with its person; a voided one is gone."""
    row = session.execute(select(model, Person).join(Person, Person.id == model.person_id)
                          .where(model.id == subject_id)).first()
    if row is None or row[0].voided_at is not None:
        raise NotFound(code=missing)
    return row[0], row[1]

def _current_certificate(session: Session, subject: ColumnElement[bool]) -> str | None:
    """The id of the certificate in force for a subject (`Certificate.test_id == …`), if any."""
    return session.scalar(select(Certificate.id).where(subject, Certificate.revoked_at.is_(None)))
