"""The shipped questionnaire and what answers mean: doctor review flags and observation minutes."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from app.domain.questionnaire import Answer, Questionnaire, evaluate_answers, parse_questionnaire
from app.errors import CatalogueError, ValidationError
from app.resources import resource

TODAY = date(2025, 3, 1)


def _raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("questionnaire.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def questionnaire() -> Questionnaire:
    return parse_questionnaire(_raw())


def all_no(questionnaire: Questionnaire, **changes: Answer) -> dict[str, Answer]:
    answers = {q.id: Answer(yes=False) for q in questionnaire.questions if q.type != "text"}
    answers["consent"] = Answer(yes=True)
    answers.update(changes)
    return answers


def test_shipped_questionnaire_covers_the_medical_questions(questionnaire: Questionnaire) -> None:
    ids = [q.id for q in questionnaire.questions]
    assert ids == [
        "acute_illness",
        "allergies",
        "earlier_reaction",
        "anticoagulation",
        "pregnancy",
        "immunosuppression",
        "earlier_vaccinations",
        "earlier_infection",
        "remarks",
    ]
    for question in questionnaire.questions:
        assert question.text["de"] and question.text["en"] and question.text["de"] != question.text["en"]
    assert questionnaire.consent_text["de"] and questionnaire.consent_text["en"]
    assert questionnaire.question("earlier_vaccinations").type == "yes_no_date"
    assert questionnaire.question("earlier_vaccinations").multiple_dates
    assert not questionnaire.question("earlier_infection").multiple_dates
    assert questionnaire.question("earlier_reaction").extends_observation_to_minutes == 30
    assert questionnaire.default_observation_minutes == 15
    with pytest.raises(KeyError):
        questionnaire.question("shoe_size")


def test_all_no_needs_no_review(questionnaire: Questionnaire) -> None:
    result = evaluate_answers(questionnaire, all_no(questionnaire), today=TODAY)
    assert result.consent_given and result.needs_review == () and result.observation_minutes == 15


def test_earlier_reaction_extends_observation_and_flags_review(questionnaire: Questionnaire) -> None:
    answers = all_no(questionnaire, earlier_reaction=Answer(yes=True), pregnancy=Answer(yes=True))
    result = evaluate_answers(questionnaire, answers, today=TODAY)
    assert result.needs_review == ("earlier_reaction", "pregnancy")
    assert result.observation_minutes == 30


def test_product_observation_time_is_the_floor(questionnaire: Questionnaire) -> None:
    assert evaluate_answers(questionnaire, all_no(questionnaire), today=TODAY, base_observation_minutes=20).observation_minutes == 20
    answers = all_no(questionnaire, earlier_reaction=Answer(yes=True))
    assert evaluate_answers(questionnaire, answers, today=TODAY, base_observation_minutes=45).observation_minutes == 45


def test_dates_and_text(questionnaire: Questionnaire) -> None:
    answers = all_no(
        questionnaire,
        earlier_vaccinations=Answer(yes=True, dates=(date(2021, 5, 1), date(2021, 6, 12))),
        earlier_infection=Answer(yes=True, dates=(date(2024, 12, 1),)),
        remarks=Answer(text="Fainted once at the dentist."),
    )
    result = evaluate_answers(questionnaire, answers, today=TODAY)
    assert result.needs_review == ("earlier_vaccinations", "earlier_infection", "remarks")
    blank = all_no(questionnaire, remarks=Answer(text="   "))
    assert evaluate_answers(questionnaire, blank, today=TODAY).needs_review == ()


def test_consent_refused_is_reported(questionnaire: Questionnaire) -> None:
    result = evaluate_answers(questionnaire, all_no(questionnaire, consent=Answer(yes=False)), today=TODAY)
    assert not result.consent_given


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": None}, "Please answer: consent"),
        ({"pregnancy": None}, "Please answer: pregnancy"),
        ({"consent": Answer()}, "Consent must be answered"),
        ({"shoe_size": Answer(yes=True)}, "unknown question(s): shoe_size"),
        ({"pregnancy": Answer()}, "pregnancy: answer yes or no"),
        ({"pregnancy": Answer(yes=True, dates=(TODAY,))}, "dates are only given"),
        ({"pregnancy": Answer(yes=False, text="maybe")}, "takes yes or no"),
        ({"earlier_infection": Answer(yes=True)}, "earlier_infection: please give the date"),
        ({"earlier_infection": Answer(yes=False, dates=(TODAY,))}, "dates are only given"),
        ({"earlier_infection": Answer(yes=True, dates=(date(2024, 1, 1), date(2024, 5, 1)))}, "only one date"),
        ({"earlier_infection": Answer(yes=True, dates=(date(2025, 3, 2),))}, "2025-03-02 is in the future"),
        ({"earlier_vaccinations": Answer(yes=True, dates=(TODAY, TODAY))}, "same date is given twice"),
        ({"remarks": Answer(yes=True)}, "takes a text answer"),
        ({"remarks": Answer(text="x" * 1001)}, "longer than 1000"),
        ({"remarks": Answer(text="bad\x00byte")}, "control character"),
    ],
)
def test_ill_formed_answers(questionnaire: Questionnaire, changes: dict[str, Answer | None], message: str) -> None:
    answers = all_no(questionnaire)
    for key, value in changes.items():
        if value is None:
            answers.pop(key)
        else:
            answers[key] = value
    with pytest.raises(ValidationError, match=re.escape(message)):
        evaluate_answers(questionnaire, answers, today=TODAY)


def _question(data: dict[str, Any], index: int = 0) -> dict[str, Any]:
    question: dict[str, Any] = data["questions"][index]
    return question


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format=2), "only format 1"),
        (lambda d: d.pop("consent"), "missing key(s) consent"),
        (lambda d: d.update(colour=1), "unknown key(s) colour"),
        (lambda d: d.update(questions=[]), "expected a non-empty list"),
        (lambda d: d.update(default_observation_minutes=0), "between 1 and 120"),
        (lambda d: d["consent"].update(id="ok"), "must be 'consent'"),
        (lambda d: d["consent"]["text"].pop("en"), "text missing for language(s) en"),
        (lambda d: _question(d).update(type="scale"), "'scale' is not one of"),
        (lambda d: _question(d).update(id="acute illness"), "expected an ASCII identifier"),
        (lambda d: _question(d).update(id="allergies"), "used twice: allergies"),
        (lambda d: _question(d).update(id="consent"), "used twice: consent"),
        (lambda d: _question(d).update(needs_review_if="maybe"), "'maybe' is not one of"),
        (lambda d: _question(d).update(needs_review_if="non_empty"), "does not fit a yes_no question"),
        (lambda d: _question(d, 8).update(needs_review_if="yes"), "does not fit a text question"),
        (lambda d: _question(d).update(extends_observation_to_minutes=300), "between 1 and 120"),
        (lambda d: _question(d).update(extends_observation_to_minutes=True), "between 1 and 120"),
        (lambda d: _question(d).update(multiple_dates=True), "only a yes_no_date question"),
        (lambda d: _question(d).update(required="yes"), "required: expected true or false"),
        (lambda d: _question(d)["text"].update(de=""), "text missing for language(s) de"),
        (lambda d: _question(d).pop("text"), "missing key(s) text"),
    ],
)
def test_invalid_questionnaire_is_refused(change: Callable[[dict[str, Any]], object], message: str) -> None:
    data = copy.deepcopy(_raw())
    change(data)
    with pytest.raises(CatalogueError, match=re.escape(message)):
        parse_questionnaire(data)
