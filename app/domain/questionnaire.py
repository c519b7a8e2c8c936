"""The consent and medical questionnaire as data, and what a set of answers means for the visit.

Answers decide two things: which questions the doctor must review, and how long the person is
observed after the dose.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from app.errors import CatalogueError, ValidationError

__all__ = [
    "Answer",
    "Assessment",
    "Question",
    "Questionnaire",
    "evaluate_answers",
    "parse_questionnaire",
]

QuestionType = Literal["yes_no", "yes_no_date", "text"]
ReviewTrigger = Literal["yes", "no", "non_empty"]

_TYPES: tuple[QuestionType, ...] = ("yes_no", "yes_no_date", "text")
_TRIGGERS: tuple[ReviewTrigger, ...] = ("yes", "no", "non_empty")
_LANGUAGES = ("de", "en")
_MAX_TEXT_ANSWER = 1000
# Guards against a typo in the file ("300" for "30") keeping someone for hours.
_MAX_OBSERVATION_MINUTES = 120


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    text: Mapping[str, str]  # language code → text
    required: bool
    needs_review_if: ReviewTrigger | None
    extends_observation_to_minutes: int | None
    multiple_dates: bool = False


@dataclass(frozen=True)
class Questionnaire:
    consent_text: Mapping[str, str]
    questions: tuple[Question, ...]
    default_observation_minutes: int
    # Below this age a legal guardian consents (and is named); from it the person consents alone.
    own_consent_from_age: int = 16

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


@dataclass(frozen=True)
class Answer:
    """An answer: `yes` for yes/no questions (with `dates` when asked for), `text` for text questions."""

    yes: bool | None = None
    dates: tuple[date, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Assessment:
    consent_given: bool
    needs_review: tuple[str, ...]  # question ids, in questionnaire order
    observation_minutes: int


def parse_questionnaire(data: Mapping[str, Any]) -> Questionnaire:
    """Validate the parsed questionnaire JSON; CatalogueError names the offending field."""
    _keys(data, "questionnaire", required={"format", "default_observation_minutes", "consent", "questions"})
    if data["format"] != 1:
        raise CatalogueError(code="config_format_unknown", params={"path": "questionnaire.format"})
    default_minutes = _minutes(data["default_observation_minutes"], "questionnaire.default_observation_minutes")
    consent = data["consent"]
    _keys(consent, "questionnaire.consent", required={"id", "text"}, optional={"own_consent_from_age"})
    own_age = consent.get("own_consent_from_age", 16)
    if isinstance(own_age, bool) or not isinstance(own_age, int) or not 0 <= own_age <= 21:
        raise CatalogueError(code="questionnaire_consent_age")
    if consent["id"] != "consent":
        raise CatalogueError(code="questionnaire_consent_id")
    raw_questions = data["questions"]
    if not isinstance(raw_questions, list) or not raw_questions:
        raise CatalogueError(code="questionnaire_no_questions")
    questions = tuple(_parse_question(raw, f"questionnaire.questions[{i}]") for i, raw in enumerate(raw_questions))
    ids = [question.id for question in questions]
    duplicates = sorted({qid for qid in ids if ids.count(qid) > 1} | ({"consent"} & set(ids)))
    if duplicates:
        raise CatalogueError(code="questionnaire_ids_twice", params={"ids": ", ".join(duplicates)})
    return Questionnaire(
        consent_text=_texts(consent["text"], "questionnaire.consent.text"),
        questions=questions,
        default_observation_minutes=default_minutes,
        own_consent_from_age=own_age,
    )


def _parse_question(item: object, path: str) -> Question:
    raw = _keys(
        item,
        path,
        required={"id", "type", "text", "required", "needs_review_if", "extends_observation_to_minutes"},
        optional={"multiple_dates"},
    )
    qid = raw["id"]
    if not isinstance(qid, str) or not qid.isidentifier() or not qid.isascii():
        raise CatalogueError(code="questionnaire_id_form", params={"path": f"{path}.id", "value": qid})
    qtype = next((candidate for candidate in _TYPES if candidate == raw["type"]), None)
    if qtype is None:
        raise CatalogueError(code="config_not_one_of", params={
            "path": f"{path}.type", "value": raw["type"], "choices": ", ".join(_TYPES)})
    trigger = raw["needs_review_if"]
    review = next((candidate for candidate in _TRIGGERS if candidate == trigger), None)
    if trigger is not None and review is None:
        raise CatalogueError(code="config_not_one_of_or_null", params={
            "path": f"{path}.needs_review_if", "value": trigger, "choices": ", ".join(_TRIGGERS)})
    if review is not None and (review == "non_empty") != (qtype == "text"):
        raise CatalogueError(code="questionnaire_review_misfit", params={
            "path": f"{path}.needs_review_if", "value": review, "type": qtype})
    required = raw["required"]
    if not isinstance(required, bool):
        raise CatalogueError(code="config_expected_flag", params={"path": f"{path}.required"})
    multiple = raw.get("multiple_dates", False)
    if not isinstance(multiple, bool) or (multiple and qtype != "yes_no_date"):
        raise CatalogueError(code="questionnaire_multiple_dates", params={"path": f"{path}.multiple_dates"})
    extends = raw["extends_observation_to_minutes"]
    return Question(
        id=qid,
        type=qtype,
        text=_texts(raw["text"], f"{path}.text"),
        required=required,
        needs_review_if=review,
        extends_observation_to_minutes=None if extends is None else _minutes(extends, f"{path}.extends_observation_to_minutes"),
        multiple_dates=multiple,
    )


def evaluate_answers(
    questionnaire: Questionnaire,
    answers: Mapping[str, Answer],
    *,
    today: date,
    base_observation_minutes: int | None = None,
) -> Assessment:
    """What the answers mean: consent, questions for the doctor, observation minutes.

    `base_observation_minutes` is the product's default; answers can only lengthen it.
    Raises ValidationError for unknown, missing or ill-formed answers.
    """
    known = {question.id for question in questionnaire.questions} | {"consent"}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise ValidationError(code="answers_unknown_questions", params={"questions": ", ".join(unknown)})
    missing = [q.id for q in questionnaire.questions if q.required and q.id not in answers]
    if "consent" not in answers:
        missing.insert(0, "consent")
    if missing:
        raise ValidationError(code="answers_missing", params={"questions": ", ".join(missing)}, field=missing[0])
    consent = answers["consent"]
    if consent.yes is None:
        raise ValidationError(code="consent_yes_or_no", field="consent")

    review: list[str] = []
    minutes = questionnaire.default_observation_minutes if base_observation_minutes is None else base_observation_minutes
    for question in questionnaire.questions:
        answer = answers.get(question.id)
        if answer is None:
            continue
        flagged = _check_answer(question, answer, today=today)
        if question.needs_review_if is not None and flagged == question.needs_review_if:
            review.append(question.id)
        positive = flagged in ("yes", "non_empty")
        if positive and question.extends_observation_to_minutes is not None:
            minutes = max(minutes, question.extends_observation_to_minutes)
    return Assessment(consent_given=consent.yes, needs_review=tuple(review), observation_minutes=minutes)


def _check_answer(question: Question, answer: Answer, *, today: date) -> str:
    """Validate one answer; returns "yes", "no", "non_empty" or "empty" for the review rules."""
    at = {"question": question.id}  # each refusal names its question (and is its field)
    if question.type == "text":
        if answer.yes is not None or answer.dates:
            raise ValidationError(code="answer_takes_text", params=at, field=question.id)
        text = answer.text.strip()
        if len(text) > _MAX_TEXT_ANSWER:
            raise ValidationError(code="answer_too_long", params={**at, "max": _MAX_TEXT_ANSWER}, field=question.id)
        if any(unicodedata.category(char) == "Cc" and char not in "\n\t" for char in text):
            raise ValidationError(code="answer_control_character", params=at, field=question.id)
        return "non_empty" if text else "empty"
    if answer.yes is None:
        raise ValidationError(code="answer_yes_or_no", params=at, field=question.id)
    if answer.text:
        raise ValidationError(code="answer_takes_yes_no", params=at, field=question.id)
    if question.type == "yes_no" or not answer.yes:
        if answer.dates:
            raise ValidationError(code="answer_dates_unasked", params=at, field=question.id)
        return "yes" if answer.yes else "no"
    if not answer.dates:
        raise ValidationError(code="answer_date_missing", params=at, field=question.id)
    if len(answer.dates) > 1 and not question.multiple_dates:
        raise ValidationError(code="answer_one_date", params=at, field=question.id)
    future = [day for day in answer.dates if day > today]
    if future:
        raise ValidationError(code="answer_date_in_future", params={**at, "date": future[0].isoformat()},
                              field=question.id)
    if len(set(answer.dates)) != len(answer.dates):
        raise ValidationError(code="answer_date_twice", params=at, field=question.id)
    return "yes"


def _keys(
    data: object, path: str, *, required: set[str], optional: Sequence[str] | set[str] = ()
) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise CatalogueError(code="config_expected_object", params={"path": path})
    missing = sorted(required - set(data))
    if missing:
        raise CatalogueError(code="config_keys_missing", params={"path": path, "keys": ", ".join(missing)})
    unknown = sorted(set(data) - required - set(optional) - {"comment"})
    if unknown:
        raise CatalogueError(code="config_keys_unknown", params={"path": path, "keys": ", ".join(map(str, unknown))})
    return data


def _texts(data: object, path: str) -> Mapping[str, str]:
    if not isinstance(data, Mapping):
        raise CatalogueError(code="questionnaire_texts_object",
                             params={"path": path, "languages": ", ".join(_LANGUAGES)})
    missing = [lang for lang in _LANGUAGES if not isinstance(data.get(lang), str) or not str(data[lang]).strip()]
    if missing:
        raise CatalogueError(code="questionnaire_text_missing", params={"path": path, "languages": ", ".join(missing)})
    return {str(lang): str(text) for lang, text in data.items()}


def _minutes(value: object, path: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= _MAX_OBSERVATION_MINUTES:
        raise CatalogueError(code="questionnaire_minutes_range",
                             params={"path": path, "max": _MAX_OBSERVATION_MINUTES})
    return value
