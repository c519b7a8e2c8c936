"""The vaccine catalogue: products, vial presentations, intervals, age limits and shelf lives.

The data lives in `resources/catalogue.json`; `parse_catalogue` validates it strictly so a typo
in the file stops start-up with a message naming the exact field, instead of a wrong dose later.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.gs1 import is_valid_gtin
from app.errors import CatalogueError

__all__ = [
    "Booster",
    "Catalogue",
    "Interval",
    "Presentation",
    "Product",
    "ValueSetCodes",
    "active_codes",
    "parse_catalogue",
]

_CODE = re.compile(r"[a-z][a-z0-9_-]{0,31}")
_MP = re.compile(r"EU/\d/\d{2}/\d{3,4}|[A-Za-z][A-Za-z0-9-]{1,40}")
_MA = re.compile(r"ORG-\d{9}|[A-Za-z][A-Za-z0-9-]{1,60}")
_SNOMED = re.compile(r"\d{6,18}")


@dataclass(frozen=True)
class ValueSetCodes:
    """Codes a product may use for the DCC fields mp, ma and vp (active codes of the EU value sets)."""

    mp: frozenset[str]
    ma: frozenset[str]
    vp: frozenset[str]


@dataclass(frozen=True)
class Interval:
    """Days from the previous dose to the next one: `given_on + min_days` is the earliest day."""

    min_days: int
    recommended_days: int
    max_days: int | None


@dataclass(frozen=True)
class Booster:
    min_days_after_last_dose: int


@dataclass(frozen=True)
class Presentation:
    """One vial as sold (one GTIN): how many doses it gives."""

    product_code: str
    gtin: str
    description: str
    doses_per_vial: int
    extra_doses_allowed: int
    demo: bool

    @property
    def max_doses(self) -> int:
        return self.doses_per_vial + self.extra_doses_allowed


@dataclass(frozen=True)
class Product:
    code: str
    name: str
    mp: str
    ma: str
    vp: str
    presentations: tuple[Presentation, ...]
    primary_doses: int
    intervals: tuple[Interval, ...]  # intervals[i] leads from dose i+1 to dose i+2
    booster: Booster | None  # None: not authorised as a booster
    min_age_years: int
    max_age_years: int | None
    shelf_life_after_opening_hours: int
    needs_thawing: bool
    thawed_shelf_life_hours: int | None
    needs_dilution: bool
    observation_minutes: int
    notes: str

    def interval_before(self, dose_number: int) -> Interval:
        """The interval that leads up to primary dose `dose_number` (2 … primary_doses)."""
        if not 2 <= dose_number <= self.primary_doses:
            raise ValueError(f"{self.name} has no interval before dose {dose_number}")
        return self.intervals[dose_number - 2]


@dataclass(frozen=True)
class Catalogue:
    target_disease: str
    products: tuple[Product, ...]
    value_sets: ValueSetCodes

    def product(self, code: str) -> Product:
        for product in self.products:
            if product.code == code:
                return product
        raise KeyError(code)

    def find(self, code: str) -> Product | None:
        return next((product for product in self.products if product.code == code), None)

    def presentation(self, gtin: str) -> Presentation:
        for product in self.products:
            for presentation in product.presentations:
                if presentation.gtin == gtin:
                    return presentation
        raise KeyError(gtin)

    def by_gtin(self, gtin: str) -> Product:
        return self.product(self.presentation(gtin).product_code)


def active_codes(value_set: Mapping[str, Any]) -> frozenset[str]:
    """The active codes of one EU DCC value set file (already parsed JSON)."""
    values = value_set.get("valueSetValues")
    if not isinstance(values, Mapping):
        raise CatalogueError(code="catalogue_value_set_empty")
    return frozenset(
        code for code, entry in values.items() if isinstance(entry, Mapping) and entry.get("active") is True
    )


def parse_catalogue(data: Mapping[str, Any], *, value_sets: ValueSetCodes | None = None) -> Catalogue:
    """Validate the parsed catalogue JSON and build the catalogue.

    `value_sets` (from the official EU files) takes precedence over the code lists kept in the
    catalogue file itself.
    """
    top = _Obj(data, "catalogue")
    top.keys(required={"format", "target_disease", "value_sets", "products"}, optional={"comment"})
    if top.whole("format", minimum=1) != 1:
        raise CatalogueError(code="config_format_unknown", params={"path": "catalogue.format"})
    target = top.text("target_disease", pattern=_SNOMED)
    file_sets = _parse_value_sets(top.obj("value_sets"))
    allowed = value_sets or file_sets
    products: list[Product] = []
    for index, raw in enumerate(top.items("products")):
        products.append(_parse_product(_Obj(raw, f"catalogue.products[{index}]"), allowed))
    if not products:
        raise CatalogueError(code="catalogue_no_product")
    _check_unique(products)
    return Catalogue(target_disease=target, products=tuple(products), value_sets=allowed)


def _parse_value_sets(obj: _Obj) -> ValueSetCodes:
    obj.keys(required={"mp", "ma", "vp"}, optional={"comment"})
    return ValueSetCodes(
        mp=frozenset(obj.texts("mp")), ma=frozenset(obj.texts("ma")), vp=frozenset(obj.texts("vp"))
    )


_PRODUCT_KEYS = {
    "code",
    "name",
    "mp",
    "ma",
    "vp",
    "presentations",
    "primary_series",
    "booster",
    "min_age_years",
    "max_age_years",
    "shelf_life_after_opening_hours",
    "needs_thawing",
    "thawed_shelf_life_hours",
    "needs_dilution",
    "observation_minutes",
    "notes",
}


def _parse_product(obj: _Obj, allowed: ValueSetCodes) -> Product:
    obj.keys(required=_PRODUCT_KEYS, optional={"comment"})
    code = obj.text("code", pattern=_CODE)
    mp = obj.text("mp", pattern=_MP)
    ma = obj.text("ma", pattern=_MA)
    vp = obj.text("vp", pattern=_SNOMED)
    for field, value, codes, file in (
        ("mp", mp, allowed.mp, "vaccine-medicinal-product"),
        ("ma", ma, allowed.ma, "vaccine-mah-manf"),
        ("vp", vp, allowed.vp, "vaccine-prophylaxis"),
    ):
        if value not in codes:
            raise CatalogueError(code="catalogue_code_inactive",
                                 params={"path": f"{obj.path}.{field}", "value": value, "file": file})
    series = obj.obj("primary_series")
    series.keys(required={"doses", "intervals"}, optional={"comment"})
    primary_doses = series.whole("doses", minimum=1)
    intervals = tuple(
        _parse_interval(_Obj(raw, f"{series.path}.intervals[{index}]"))
        for index, raw in enumerate(series.items("intervals"))
    )
    if len(intervals) != primary_doses - 1:
        raise CatalogueError(code="catalogue_intervals_count", params={
            "path": f"{series.path}.intervals", "doses": primary_doses, "needed": primary_doses - 1,
            "count": len(intervals)})
    booster: Booster | None = None
    if obj.raw("booster") is not None:
        booster_obj = obj.obj("booster")
        booster_obj.keys(required={"min_days_after_last_dose"}, optional={"comment"})
        booster = Booster(booster_obj.whole("min_days_after_last_dose", minimum=1))
    min_age = obj.whole("min_age_years", minimum=0)
    max_age = obj.optional_whole("max_age_years", minimum=0)
    if max_age is not None and max_age < min_age:
        raise CatalogueError(code="catalogue_ages", params={
            "path": f"{obj.path}.max_age_years", "max_age": max_age, "min_age": min_age})
    presentations = tuple(
        _parse_presentation(_Obj(raw, f"{obj.path}.presentations[{index}]"), code)
        for index, raw in enumerate(obj.items("presentations"))
    )
    if not presentations:
        raise CatalogueError(code="catalogue_no_presentation", params={"path": f"{obj.path}.presentations"})
    needs_thawing = obj.flag("needs_thawing")
    thawed_hours = obj.optional_whole("thawed_shelf_life_hours", minimum=1)
    if needs_thawing and thawed_hours is None:
        raise CatalogueError(code="catalogue_thawed_hours_missing",
                             params={"path": f"{obj.path}.thawed_shelf_life_hours"})
    if not needs_thawing and thawed_hours is not None:
        raise CatalogueError(code="catalogue_thawed_hours_unused",
                             params={"path": f"{obj.path}.thawed_shelf_life_hours"})
    return Product(
        code=code,
        name=obj.text("name"),
        mp=mp,
        ma=ma,
        vp=vp,
        presentations=presentations,
        primary_doses=primary_doses,
        intervals=intervals,
        booster=booster,
        min_age_years=min_age,
        max_age_years=max_age,
        shelf_life_after_opening_hours=obj.whole("shelf_life_after_opening_hours", minimum=1),
        needs_thawing=needs_thawing,
        thawed_shelf_life_hours=thawed_hours,
        needs_dilution=obj.flag("needs_dilution"),
        observation_minutes=obj.whole("observation_minutes", minimum=1),
        notes=obj.text("notes"),
    )


def _parse_interval(obj: _Obj) -> Interval:
    obj.keys(required={"min_days", "recommended_days", "max_days"}, optional={"comment"})
    min_days = obj.whole("min_days", minimum=1)
    recommended = obj.whole("recommended_days", minimum=1)
    max_days = obj.optional_whole("max_days", minimum=1)
    if recommended < min_days or (max_days is not None and not min_days <= recommended <= max_days):
        raise CatalogueError(code="catalogue_interval_order", params={
            "path": obj.path, "min_days": min_days, "recommended": recommended, "max_days": max_days})
    return Interval(min_days=min_days, recommended_days=recommended, max_days=max_days)


def _parse_presentation(obj: _Obj, product_code: str) -> Presentation:
    obj.keys(required={"gtin", "description", "doses_per_vial", "extra_doses_allowed"}, optional={"demo", "comment"})
    gtin = obj.text("gtin")
    if not is_valid_gtin(gtin):
        raise CatalogueError(code="catalogue_gtin_invalid", params={"path": f"{obj.path}.gtin", "gtin": gtin})
    demo = obj.flag("demo") if obj.has("demo") else False
    return Presentation(
        product_code=product_code,
        gtin=gtin,
        description=obj.text("description"),
        doses_per_vial=obj.whole("doses_per_vial", minimum=1),
        extra_doses_allowed=obj.whole("extra_doses_allowed", minimum=0),
        demo=demo,
    )


def _check_unique(products: Sequence[Product]) -> None:
    codes: set[str] = set()
    gtins: set[str] = set()
    for product in products:
        if product.code in codes:
            raise CatalogueError(code="catalogue_product_twice", params={"code": product.code})
        codes.add(product.code)
        for presentation in product.presentations:
            if presentation.gtin in gtins:
                raise CatalogueError(code="catalogue_gtin_twice", params={"gtin": presentation.gtin})
            gtins.add(presentation.gtin)


class _Obj:
    """A JSON object being read, with its path for error messages."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, Mapping):
            raise CatalogueError(code="config_expected_object_found",
                                 params={"path": path, "found": type(data).__name__})
        self.data: Mapping[str, Any] = data
        self.path = path

    def keys(self, *, required: Collection[str], optional: Collection[str] = ()) -> None:
        missing = sorted(set(required) - set(self.data))
        if missing:
            raise CatalogueError(code="config_keys_missing", params={"path": self.path, "keys": ", ".join(missing)})
        unknown = sorted(set(self.data) - set(required) - set(optional))
        if unknown:
            raise CatalogueError(code="config_keys_unknown",
                                 params={"path": self.path, "keys": ", ".join(map(str, unknown))})

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str) -> object:
        return self.data[key]

    def obj(self, key: str) -> _Obj:
        return _Obj(self.data[key], f"{self.path}.{key}")

    def items(self, key: str) -> Sequence[object]:
        value = self.data[key]
        if not isinstance(value, list):
            raise CatalogueError(code="config_expected_list", params={"path": f"{self.path}.{key}"})
        return value

    def texts(self, key: str) -> list[str]:
        values = self.items(key)
        if not all(isinstance(value, str) and value for value in values):
            raise CatalogueError(code="config_expected_texts", params={"path": f"{self.path}.{key}"})
        return [str(value) for value in values]

    def text(self, key: str, *, pattern: re.Pattern[str] | None = None) -> str:
        value = self.data[key]
        if not isinstance(value, str) or not value.strip():
            raise CatalogueError(code="config_expected_text", params={"path": f"{self.path}.{key}"})
        if pattern is not None and not pattern.fullmatch(value):
            raise CatalogueError(code="config_text_form", params={"path": f"{self.path}.{key}", "value": value})
        return value

    def flag(self, key: str) -> bool:
        value = self.data[key]
        if not isinstance(value, bool):
            raise CatalogueError(code="config_expected_flag", params={"path": f"{self.path}.{key}"})
        return value

    def whole(self, key: str, *, minimum: int) -> int:
        value = self.data[key]
        # bool is an int in Python; `true` is not a dose count.
        if not isinstance(value, int) or isinstance(value, bool):
            raise CatalogueError(code="config_expected_whole", params={"path": f"{self.path}.{key}"})
        if value < minimum:
            raise CatalogueError(code="config_below_minimum",
                                 params={"path": f"{self.path}.{key}", "value": value, "minimum": minimum})
        return value

    def optional_whole(self, key: str, *, minimum: int) -> int | None:
        return None if self.data[key] is None else self.whole(key, minimum=minimum)
