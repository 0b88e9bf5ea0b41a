"""Factories for polls and surveys: make_poll(**overrides), a survey built question by question."""
from datetime import timedelta

from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.polls.models import Survey
from plugins.polls.services import building
from plugins.polls.services.polls import create_poll
from tests.factories import UserFactory


def make_poll(owner=None, *, options=("Saturday", "Wednesday", "Sunday"), **overrides):
    """An open poll for members by default, through the service (options and all)."""
    fields = {"question": "Which date suits the next meeting?", "audience": Audience.MEMBERS,
              "closes_at": timezone.now() + timedelta(days=7), **overrides}
    return create_poll(owner or UserFactory(), options=list(options), **fields)


def option_ids(poll):
    return [str(pk) for pk in poll.options.order_by("position").values_list("pk", flat=True)]


def make_survey(owner=None, *, questions=(), **overrides) -> Survey:
    """A draft survey for members, with ``questions`` (dicts of fields) in one section."""
    fields = {"title": "Living with a chronic illness", "audience": Audience.MEMBERS,
              "consent_purpose": "", "closes_at": timezone.now() + timedelta(days=30),
              **overrides}
    survey = Survey.objects.create(owner=owner or UserFactory(), **fields)
    if questions:
        add_questions(survey, *questions)
    return survey


def add_questions(survey, *specs, section=None, condition=None):
    """Add questions (dicts of fields) to a section (a new one by default); returns them."""
    if section is None:
        section = building.add_section(survey, title="Section", condition=condition)
    return [building.add_question(survey, section=section, **spec) for spec in specs]


def open_survey(survey) -> Survey:
    """Publish the survey: open for answers at once."""
    survey.published_at = timezone.now()
    survey.save(update_fields=["published_at"])
    return survey


SINGLE = {"kind": "single", "text": "Do you work?", "choices": ["yes", "no"], "required": True}
SCALE = {"kind": "scale", "text": "Fatigue this week", "scale_min": 0, "scale_max": 10}
