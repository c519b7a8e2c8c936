"""The daily report a site lead reads: doses by product, lot and dose number, age groups, waste,
adverse events, no-shows, waiting times, certificates, doses per hour and stock. CSV and PDF."""

from __future__ import annotations

import io
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.domain.spreadsheet import SafeCsvWriter
from app.services.covid_tests import test_figures
from app.services.doses import day_range, given_here
from app.services.permissions import use_case
from app.services.stock import StockFigures, stock_by_product
from app.services.unit_of_work import Actor, Clock, system_clock
from app.storage.engine import Store
from app.storage.schema import (
    AdverseEvent,
    Appointment,
    Certificate,
    Lot,
    Person,
    Product,
    Site,
    Slot,
    StockEvent,
    Vaccination,
    Visit,
)

AGE_GROUPS = ((0, 11, "0–11"), (12, 17, "12–17"), (18, 59, "18–59"), (60, 200, "60+"))


def age_on(dob: str, on: date) -> int:
    """Completed years; a date of birth with year (and month) only counts from its first day."""
    parts = [int(p) for p in dob.split("-")] + [1, 1]
    born = date(parts[0], parts[1], parts[2])
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_group(age: int) -> str:
    return next(label for low, high, label in AGE_GROUPS if low <= age <= high)


@dataclass(frozen=True)
class DailyReport:
    day: date
    site_name: str
    doses_by_product: dict[str, int]
    doses_by_lot: list[tuple[str, str, int]]  # product name, lot number, doses
    doses_by_dose: list[tuple[str, str, int]]  # product name, "2/2", doses
    age_groups: dict[str, int]
    waste: list[tuple[str, str, int]]  # product name, reason, doses
    adverse_events: list[tuple[str, str, int]]  # kind, severity, count
    no_shows: int
    waiting_median_min: float | None
    waiting_p90_min: float | None
    certificates_issued: int
    doses_per_hour: dict[int, int]
    stock: dict[str, StockFigures] = field(default_factory=dict)
    tests_taken: int = 0  # sampled here that day, voided ones left out (issue 18)
    tests_positive: int = 0
    tests_negative: int = 0
    tests_invalid: int = 0

    @property
    def total_doses(self) -> int:
        return sum(self.doses_by_product.values())

    @property
    def empty(self) -> bool:
        return (self.total_doses == 0 and self.no_shows == 0 and not self.waste and not self.adverse_events
                and self.tests_taken == 0)


@use_case
def daily_report(store: Store, actor: Actor, day: date | None = None, *, clock: Clock = system_clock) -> DailyReport:
    """The figures of `day` (default: today at the site, which may not be the machine's date)."""
    with store.read() as session:
        site = session.get(Site, store.identity.site_id)
        assert site is not None
        tz = ZoneInfo(site.timezone)
        day = day or clock().astimezone(tz).date()
        start, end = day_range(day, tz)
        names = dict(session.execute(select(Product.code, Product.name)).all())
        doses = session.execute(
            select(Vaccination.product_code, Lot.lot_number, Vaccination.dose_number, Vaccination.series_doses,
                   Vaccination.given_at, Person.dob)
            .join(Person, Person.id == Vaccination.person_id)
            .outerjoin(Lot, Lot.id == Vaccination.lot_id)
            .where(given_here(site.id, day=day, tz=tz))
        ).all()
        by_product: Counter[str] = Counter()
        by_lot: Counter[tuple[str, str]] = Counter()
        by_dose: Counter[tuple[str, str]] = Counter()
        ages: Counter[str] = Counter({label: 0 for _, _, label in AGE_GROUPS})
        per_hour: Counter[int] = Counter()
        for product, lot, dn, sd, given_at, dob in doses:
            name = names.get(product, product)
            by_product[name] += 1
            by_lot[name, lot or "—"] += 1
            by_dose[name, f"{dn}/{sd}"] += 1
            ages[age_group(age_on(dob, day))] += 1
            per_hour[given_at.astimezone(tz).hour] += 1
        waste_rows = session.execute(
            select(Lot.product_code, StockEvent.reason, StockEvent.doses).join(Lot, Lot.id == StockEvent.lot_id)
            .where(StockEvent.kind == "wasted", StockEvent.at >= start, StockEvent.at < end)
        ).all()
        waste: Counter[tuple[str, str]] = Counter()
        for product, reason, n in waste_rows:
            waste[names.get(product, product), reason or "—"] += n
        adverse: Counter[tuple[str, str]] = Counter(
            (kind, severity) for kind, severity in session.execute(
                select(AdverseEvent.kind, AdverseEvent.severity)
                .where(AdverseEvent.onset_at >= start, AdverseEvent.onset_at < end))
        )
        no_shows = len(session.scalars(
            select(Appointment.id).join(Slot, Slot.id == Appointment.slot_id)
            .where(Appointment.state == "no_show", Slot.starts_at >= start, Slot.starts_at < end)).all())
        waits = [
            (vaccinated - checked_in).total_seconds() / 60
            for checked_in, vaccinated in session.execute(
                select(Visit.checked_in_at, Visit.observation_started_at)
                .where(Visit.checked_in_at >= start, Visit.checked_in_at < end,
                       Visit.observation_started_at.is_not(None)))
            if vaccinated is not None
        ]
        certificates = len(session.scalars(
            select(Certificate.id).where(Certificate.issued_at >= start, Certificate.issued_at < end,
                                         Certificate.hc1.is_not(None))).all())
        tests = test_figures(session, start=start, end=end)
    return DailyReport(
        day=day,
        site_name=site.name,
        doses_by_product=dict(sorted(by_product.items())),
        doses_by_lot=sorted((p, lot, n) for (p, lot), n in by_lot.items()),
        doses_by_dose=sorted((p, d, n) for (p, d), n in by_dose.items()),
        age_groups=dict(ages),
        waste=sorted((p, r, n) for (p, r), n in waste.items()),
        adverse_events=sorted((k, s, n) for (k, s), n in adverse.items()),
        no_shows=no_shows,
        waiting_median_min=round(statistics.median(waits), 1) if waits else None,
        waiting_p90_min=round(statistics.quantiles(waits, n=10)[-1], 1) if len(waits) >= 2 else None,
        certificates_issued=certificates,
        doses_per_hour=dict(sorted(per_hour.items())),
        stock={names.get(code, code): figures for code, figures in stock_by_product(store).items()},
        tests_taken=tests.taken, tests_positive=tests.positive, tests_negative=tests.negative,
        tests_invalid=tests.invalid,
    )


def report_csv(report: DailyReport) -> str:
    """One table, `section;key;detail;value`, so a spreadsheet can pivot it. Semicolons, as German Excel expects."""
    out = io.StringIO()
    w = SafeCsvWriter(out, delimiter=";", lineterminator="\n")
    w.writerow(["section", "key", "detail", "value"])
    w.writerow(["report", "date", "", report.day.isoformat()])
    w.writerow(["report", "site", "", report.site_name])
    w.writerow(["doses", "total", "", report.total_doses])
    # Each section's rows as (key, detail, value); a count by one key has no detail.
    sections: tuple[tuple[str, Iterable[tuple[str, str, int]]], ...] = (
        ("doses_by_product", ((product, "", n) for product, n in report.doses_by_product.items())),
        ("doses_by_lot", report.doses_by_lot),  # product, lot number
        ("doses_by_dose", report.doses_by_dose),  # product, "2/2"
        ("age_group", ((group, "", n) for group, n in report.age_groups.items())),
        ("waste", report.waste),  # product, reason
        ("adverse_event", report.adverse_events),  # kind, severity
    )
    for section, rows in sections:
        for key, detail, n in rows:
            w.writerow([section, key, detail, n])
    w.writerow(["no_shows", "", "", report.no_shows])
    w.writerow(["waiting_minutes", "median", "", "" if report.waiting_median_min is None else report.waiting_median_min])
    w.writerow(["waiting_minutes", "p90", "", "" if report.waiting_p90_min is None else report.waiting_p90_min])
    w.writerow(["certificates", "issued", "", report.certificates_issued])
    w.writerow(["tests", "taken", "", report.tests_taken])
    for result, n in (("positive", report.tests_positive), ("negative", report.tests_negative),
                      ("invalid", report.tests_invalid)):
        w.writerow(["tests", result, "", n])
    for hour, n in report.doses_per_hour.items():
        w.writerow(["doses_per_hour", f"{hour:02d}:00", "", n])
    for product, f in report.stock.items():
        w.writerow(["stock", product, "remaining", f.remaining])
    return out.getvalue()


def report_pdf(report: DailyReport) -> bytes:
    """A4, German/English labels, with two charts: doses per hour and stock per product."""
    # reportlab (a third of a second) loads only when a PDF is made, not with the report page.
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib.colors import Color
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from app.certificates.pdf import FONT, FONT_BOLD, _register_fonts

    _register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setTitle(f"Tagesbericht / Daily report {report.day.isoformat()}")
    _, height = A4
    y = height - 20 * mm

    def line(text: str, *, bold: bool = False, size: float = 10, indent: float = 0) -> None:
        nonlocal y
        if y < 25 * mm:
            canvas.showPage()
            y = height - 20 * mm
        canvas.setFont(FONT_BOLD if bold else FONT, size)
        canvas.drawString(20 * mm + indent, y, text)
        y -= size * 0.45 * mm + 2.2 * mm

    line(f"Tagesbericht / Daily report — {report.site_name}", bold=True, size=16)
    line(f"{report.day:%d.%m.%Y}", size=12)
    if report.empty:
        line("Keine Impfungen an diesem Tag / No vaccinations on this day.", bold=True, size=12)
    line(f"Impfungen gesamt / Doses given: {report.total_doses}", bold=True, size=12)
    for product, n in report.doses_by_product.items():
        line(f"{product}: {n}", indent=6 * mm)
    line(f"Tests / Tests taken: {report.tests_taken} (positiv / positive {report.tests_positive}, negativ / "
         f"negative {report.tests_negative}, ungültig / invalid {report.tests_invalid})", bold=True)
    line("Nach Charge / By lot", bold=True)
    for product, lot, n in report.doses_by_lot:
        line(f"{product} {lot}: {n}", indent=6 * mm)
    line("Nach Impfung / By dose", bold=True)
    for product, dose, n in report.doses_by_dose:
        line(f"{product} {dose}: {n}", indent=6 * mm)
    line("Altersgruppen / Age groups: " + ", ".join(f"{g}: {n}" for g, n in report.age_groups.items()), bold=True)
    line("Verwurf / Waste", bold=True)
    for product, reason, n in report.waste or [("—", "—", 0)]:
        line(f"{product} ({reason}): {n}", indent=6 * mm)
    line("Impfreaktionen / Adverse events", bold=True)
    for kind, severity, n in report.adverse_events or [("—", "—", 0)]:
        line(f"{kind} ({severity}): {n}", indent=6 * mm)
    line(f"Nicht erschienen / No-shows: {report.no_shows}", bold=True)
    wait = "—" if report.waiting_median_min is None else f"{report.waiting_median_min} min (90 %: {report.waiting_p90_min} min)"
    line(f"Wartezeit Anmeldung → Impfung / Waiting check-in → vaccinated: {wait}", bold=True)
    line(f"Zertifikate ausgestellt / Certificates issued: {report.certificates_issued}", bold=True)

    def chart(title: str, labels: list[str], values: list[int]) -> Drawing:
        drawing = Drawing(170 * mm, 60 * mm)
        bars = VerticalBarChart()
        bars.x, bars.y, bars.width, bars.height = 12 * mm, 10 * mm, 150 * mm, 40 * mm
        bars.data = [values or [0]]
        bars.categoryAxis.categoryNames = labels or ["—"]
        bars.categoryAxis.labels.fontName = FONT
        bars.categoryAxis.labels.fontSize = 7
        bars.valueAxis.labels.fontName = FONT
        bars.valueAxis.valueMin = 0
        bars.bars[0].fillColor = Color(0.16, 0.38, 0.62)
        drawing.add(bars)
        drawing.add(String(12 * mm, 55 * mm, title, fontName=FONT_BOLD, fontSize=10))
        return drawing

    hours = list(range(min(report.doses_per_hour, default=8), max(report.doses_per_hour, default=18) + 1))
    for drawing in (
        chart("Impfungen pro Stunde / Doses per hour", [f"{h:02d}" for h in hours],
              [report.doses_per_hour.get(h, 0) for h in hours]),
        chart("Bestand in Dosen / Stock in doses", list(report.stock), [f.remaining for f in report.stock.values()]),
    ):
        if y < 85 * mm:
            canvas.showPage()
            y = height - 20 * mm
        y -= 62 * mm
        drawing.drawOn(canvas, 20 * mm, y)
        y -= 4 * mm
    canvas.showPage()
    canvas.save()
    return out.getvalue()
