"""The shipped vaccine catalogue: leaflet facts, EU value-set codes, and strict validation of edits."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.domain.catalogue import Catalogue, ValueSetCodes, active_codes, parse_catalogue
from app.domain.gs1 import is_valid_gtin
from app.errors import CatalogueError
from app.resources import resource
from app.services.catalogue import load_catalogue, load_value_set_codes

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
VALUE_SETS = SHARED / "dcc" / "valuesets"


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("catalogue.json").read_text(encoding="utf-8"))
    return data


def _value_set(name: str) -> dict[str, Any]:
    if not VALUE_SETS.is_dir():
        pytest.fail(f"The EU value sets are missing at {VALUE_SETS}; the catalogue cannot be cross-checked.")
    data: dict[str, Any] = json.loads((VALUE_SETS / name).read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return parse_catalogue(_raw())


def test_five_eu_products(catalogue: Catalogue) -> None:
    assert [p.code for p in catalogue.products] == ["comirnaty", "spikevax", "vaxzevria", "jcovden", "nuvaxovid"]
    assert catalogue.target_disease == "840539006"


# Facts from DESIGN.md "Domain facts" and the SmPCs.
@pytest.mark.parametrize(
    ("code", "mp", "ma", "vp", "doses_per_vial", "primary", "min_days", "max_days", "shelf_h"),
    [
        ("comirnaty", "EU/1/20/1528", "ORG-100030215", "1119349007", {6}, 2, 21, None, 6),
        ("spikevax", "EU/1/20/1507", "ORG-100031184", "1119349007", {10, 5}, 2, 28, None, 19),
        ("vaxzevria", "EU/1/21/1529", "ORG-100001699", "29061000087103", {8, 10}, 2, 28, 84, 6),
        ("jcovden", "EU/1/20/1525", "ORG-100001417", "29061000087103", {5}, 1, None, None, 3),
        ("nuvaxovid", "EU/1/21/1618", "ORG-100032020", "1162643001", {10}, 2, 21, None, 6),
    ],
)
def test_leaflet_facts(
    catalogue: Catalogue,
    code: str,
    mp: str,
    ma: str,
    vp: str,
    doses_per_vial: set[int],
    primary: int,
    min_days: int | None,
    max_days: int | None,
    shelf_h: int,
) -> None:
    product = catalogue.product(code)
    assert (product.mp, product.ma, product.vp) == (mp, ma, vp)
    assert {p.doses_per_vial for p in product.presentations} == doses_per_vial
    assert product.primary_doses == primary
    if min_days is None:
        assert product.intervals == ()
    else:
        assert product.interval_before(2).min_days == min_days
        assert product.interval_before(2).max_days == max_days
    assert product.shelf_life_after_opening_hours == shelf_h
    assert product.observation_minutes == 15
    assert "SmPC" in product.notes


def test_every_gtin_is_valid_and_marked_demo(catalogue: Catalogue) -> None:
    for product in catalogue.products:
        for presentation in product.presentations:
            assert is_valid_gtin(presentation.gtin)
            # No real GTIN is known for certain; the fictitious ones sit in the restricted 020-029 range.
            assert presentation.demo and presentation.gtin[1:3] == "20"
            assert catalogue.by_gtin(presentation.gtin) is product


def test_lookups(catalogue: Catalogue) -> None:
    assert catalogue.presentation("02099000000033").doses_per_vial == 5
    assert catalogue.presentation("02099000000033").max_doses == 5
    assert catalogue.find("sputnik") is None
    with pytest.raises(KeyError):
        catalogue.product("sputnik")
    with pytest.raises(KeyError):
        catalogue.by_gtin("04006381333931")
    with pytest.raises(ValueError, match="no interval before dose 2"):
        catalogue.product("jcovden").interval_before(2)


def test_codes_are_active_in_the_official_value_sets(catalogue: Catalogue) -> None:
    official = {
        "mp": active_codes(_value_set("vaccine-medicinal-product.json")),
        "ma": active_codes(_value_set("vaccine-mah-manf.json")),
        "vp": active_codes(_value_set("vaccine-prophylaxis.json")),
    }
    for product in catalogue.products:
        assert product.mp in official["mp"], product.code
        assert product.ma in official["ma"], product.code
        assert product.vp in official["vp"], product.code
    # The lists kept in the catalogue file must not drift from the official sets either.
    for field, codes in _raw()["value_sets"].items():
        if field != "comment":
            assert set(codes) <= official[field], field
    assert "J07BX03" not in official["vp"] and "NVX-CoV2373" not in official["mp"]
    assert catalogue.target_disease in active_codes(_value_set("disease-agent-targeted.json"))


def test_official_value_sets_validate_the_catalogue() -> None:
    codes = load_value_set_codes(VALUE_SETS)
    assert "29061000087103" in codes.vp
    catalogue = load_catalogue(value_sets_dir=VALUE_SETS)
    assert catalogue.value_sets == codes


def test_value_sets_passed_in_take_precedence() -> None:
    codes = ValueSetCodes(mp=frozenset({"EU/1/20/1528"}), ma=frozenset({"ORG-100030215"}), vp=frozenset({"1119349007"}))
    with pytest.raises(CatalogueError, match=r"products\[1\]\.mp: 'EU/1/20/1507' is not an active code"):
        parse_catalogue(_raw(), value_sets=codes)


def _mutate(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = copy.deepcopy(_raw())
    change(data)
    return data


def _comirnaty(data: dict[str, Any]) -> dict[str, Any]:
    product: dict[str, Any] = data["products"][0]
    return product


# Where an edit lands: keys and list indexes from the top of the catalogue.
TOP: tuple[str | int, ...] = ()
COMIRNATY = ("products", 0)
ITS_VIAL = (*COMIRNATY, "presentations", 0)
ITS_SERIES = (*COMIRNATY, "primary_series")
ITS_FIRST_INTERVAL = (*ITS_SERIES, "intervals", 0)


def _with_values(path: tuple[str | int, ...], values: dict[str, Any]) -> dict[str, Any]:
    """The shipped catalogue with `values` set in the object at `path`."""
    data = _raw()
    target: Any = data
    for step in path:
        target = target[step]
    target.update(values)
    return data


@pytest.mark.parametrize(
    ("path", "values", "message"),
    [
        (TOP, {"extra": 1}, "catalogue: unknown key(s) extra"),
        (TOP, {"format": 2}, "only format 1"),
        (TOP, {"products": []}, "lists no product"),
        (TOP, {"products": {}}, "catalogue.products: expected a list"),
        (COMIRNATY, {"colour": "purple"}, "products[0]: unknown key(s) colour"),
        (COMIRNATY, {"code": "Comirnaty"}, "products[0].code: 'Comirnaty' is not in the expected form"),
        (COMIRNATY, {"vp": "J07BX03"}, "products[0].vp: 'J07BX03' is not in the expected form"),
        (COMIRNATY, {"vp": "12345678"}, "not an active code of the EU value set vaccine-prophylaxis"),
        (COMIRNATY, {"mp": "EU/1/99/9999"}, "vaccine-medicinal-product"),
        (COMIRNATY, {"ma": "ORG-100006270"}, "vaccine-mah-manf"),
        (COMIRNATY, {"name": ""}, "products[0].name: expected a non-empty string"),
        (ITS_VIAL, {"doses_per_vial": 0}, "doses_per_vial: 0 is below the minimum 1"),
        (ITS_VIAL, {"doses_per_vial": -6}, "below the minimum 1"),
        (ITS_VIAL, {"doses_per_vial": True}, "expected a whole number"),
        (ITS_VIAL, {"doses_per_vial": 6.5}, "expected a whole number"),
        (ITS_VIAL, {"extra_doses_allowed": -1}, "below the minimum 0"),
        (ITS_VIAL, {"gtin": "02099000000018"}, "not a valid GTIN-14"),
        (ITS_VIAL, {"gtin": "2099000000019"}, "not a valid GTIN-14"),
        (ITS_VIAL, {"demo": "yes"}, "demo: expected true or false"),
        (COMIRNATY, {"presentations": []}, "at least one vial presentation"),
        (ITS_SERIES, {"doses": 0}, "primary_series.doses: 0 is below"),
        (ITS_SERIES, {"doses": 3}, "a 3-dose series needs 2 intervals"),
        (ITS_FIRST_INTERVAL, {"min_days": 0}, "min_days: 0 is below"),
        (ITS_FIRST_INTERVAL, {"recommended_days": 20}, "min_days <= recommended_days"),
        (ITS_FIRST_INTERVAL, {"max_days": 14}, "min_days <= recommended_days"),
        (COMIRNATY, {"booster": {"min_days": 90}}, "booster: missing key(s) min_days_after_last_dose"),
        (COMIRNATY, {"min_age_years": -1}, "min_age_years: -1 is below"),
        (COMIRNATY, {"max_age_years": 5}, "max_age_years: 5 is below min_age_years 12"),
        (COMIRNATY, {"shelf_life_after_opening_hours": 0}, "shelf_life_after_opening_hours: 0"),
        (COMIRNATY, {"thawed_shelf_life_hours": None}, "a product that is thawed needs a value"),
        (COMIRNATY, {"needs_thawing": False}, "must be null when needs_thawing is false"),
        (COMIRNATY, {"observation_minutes": 0}, "observation_minutes: 0"),
        (("products", 1), {"code": "comirnaty"}, "product code 'comirnaty' appears twice"),
        (("products", 1, "presentations", 0), {"gtin": "02099000000019"}, "GTIN 02099000000019 appears twice"),
        (("value_sets",), {"vp": [1]}, "value_sets.vp: expected a list of non-empty strings"),
    ],
)
def test_invalid_values_are_refused_precisely(
        path: tuple[str | int, ...], values: dict[str, Any], message: str) -> None:
    with pytest.raises(CatalogueError, match=re.escape(message)):
        parse_catalogue(_with_values(path, values))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("products"), "catalogue: missing key(s) products"),
        (lambda d: d["products"].append(7), r"products[5]: expected an object"),
        (lambda d: _comirnaty(d).pop("vp"), "products[0]: missing key(s) vp"),
    ],
)
def test_missing_and_misshapen_parts_are_refused_precisely(
        change: Callable[[dict[str, Any]], object], message: str) -> None:
    with pytest.raises(CatalogueError, match=re.escape(message)):
        parse_catalogue(_mutate(change))


def test_catalogue_is_data_a_new_product_needs_no_code(tmp_path: Path) -> None:
    data = _raw()
    bimervax = copy.deepcopy(data["products"][4])
    bimervax.update(code="bimervax", name="Bimervax", mp="EU/1/22/1709", ma="ORG-100036914", vp="28531000087107")
    bimervax["presentations"][0]["gtin"] = "02099000000088"
    data["products"].append(bimervax)
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    catalogue = load_catalogue(path, value_sets_dir=VALUE_SETS)
    assert catalogue.by_gtin("02099000000088").name == "Bimervax"


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="is missing"):
        load_catalogue(tmp_path / "nope.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1,', encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"not valid JSON \(line 1"):
        load_catalogue(broken)
    listed = tmp_path / "list.json"
    listed.write_text("[]", encoding="utf-8")
    with pytest.raises(CatalogueError, match="expected a JSON object"):
        load_catalogue(listed)


def test_active_codes_needs_a_value_set() -> None:
    with pytest.raises(CatalogueError, match="valueSetValues"):
        active_codes({"valueSetId": "x"})
    assert active_codes({"valueSetValues": {"a": {"active": True}, "b": {"active": False}}}) == {"a"}
