"""Demo polls and a survey in French and English, answered by demo members (idempotent)."""
import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.privacy.audiences import Audience
from plugins.polls.models import Poll, QuestionKind, Response, ResponseStatus, Survey
from plugins.polls.services import building, voting
from plugins.polls.services.polls import create_poll

VOTERS = 14
POLLS = [
    {"question": "Quelle date vous convient pour la prochaine rencontre ?",
     "details": "Rencontre mensuelle de l'association, salle municipale ou en visio.",
     "options": ["Samedi 14 mars", "Mercredi 18 mars", "Samedi 28 mars"],
     "multiple": True, "max_choices": 2, "results_visibility": "after_vote"},
    {"question": "Should we write to the ministry about the shortage of insulin pens?",
     "details": "A letter signed by the association's board, with your testimonies.",
     "options": ["Yes", "No", "Not sure yet"], "results_visibility": "always",
     "allow_change": True},
    {"question": "Combien de crises de fatigue avez-vous eues ce mois-ci ?",
     "options": ["Aucune", "Une ou deux", "Trois ou plus"], "about_health": True,
     "results_visibility": "after_close"},
]
SURVEY_TITLE = "Vivre avec une maladie chronique au quotidien / Daily life with a chronic illness"


def demo_members(count):
    users = get_user_model()
    members = []
    for number in range(1, count + 1):
        member, created = users.objects.get_or_create(email=f"polls-voter-{number}@stent.example")
        if created:
            member.set_password(settings.STENT_DEMO_PASSWORD)
            member.save(update_fields=["password"])
        members.append(member)
    return members


def create_demo_content(seed):
    rng = random.Random(seed)
    members = demo_members(VOTERS)
    author = members[0]
    for spec in POLLS:
        if Poll.objects.filter(question=spec["question"]).exists():
            continue
        poll = create_poll(author, audience=Audience.MEMBERS,
                           closes_at=timezone.now() + timedelta(days=10), **spec)
        options = list(poll.options.values_list("pk", flat=True))
        for member in members:
            voting.vote(poll, member, rng.sample(options, 1))
    if not Survey.objects.filter(title=SURVEY_TITLE).exists():
        create_demo_survey(author, members, rng)


def create_demo_survey(author, members, rng):
    survey = Survey.objects.create(
        owner=author, title=SURVEY_TITLE, audience=Audience.MEMBERS, consent_purpose="",
        introduction="Dix minutes pour nous aider à mieux défendre vos droits. "
                     "Ten minutes to help us stand up for your rights.",
        estimated_minutes=10, target_responses=50,
        closes_at=timezone.now() + timedelta(days=30))
    daily = building.add_section(survey, title="Au quotidien / Day to day")
    work = building.add_question(survey, section=daily, kind=QuestionKind.SINGLE,
                                 text="Travaillez-vous ? / Do you work?", required=True,
                                 choices=["Oui / Yes", "Non / No"])
    building.add_question(survey, section=daily, kind=QuestionKind.SCALE,
                          text="Votre fatigue cette semaine / Your fatigue this week",
                          scale_min=0, scale_max=10, min_label="Aucune / None",
                          max_label="Extrême / Extreme", required=True)
    job = building.add_section(survey, title="Travail / Work", condition={
        "question": str(work.pk), "op": "equals", "value": "Oui / Yes"})
    building.add_question(survey, section=job, kind=QuestionKind.MULTIPLE,
                          text="Aménagements obtenus / Adjustments you got",
                          choices=["Télétravail / Remote work", "Horaires / Hours",
                                   "Poste adapté / Adapted desk"])
    building.add_question(survey, section=job, kind=QuestionKind.LONG_TEXT,
                          text="Qu'est-ce qui vous aiderait ? / What would help you?")
    survey.published_at = timezone.now()
    survey.save(update_fields=["published_at"])
    for member in members:
        works = rng.random() < 0.6
        answers = {str(work.pk): "Oui / Yes" if works else "Non / No"}
        fatigue = survey.questions.get(kind=QuestionKind.SCALE)
        answers[str(fatigue.pk)] = rng.randint(2, 9)
        Response.objects.create(survey=survey, owner=member, answers=answers,
                                audience=Audience.PRIVATE, status=ResponseStatus.SUBMITTED,
                                submitted_at=timezone.now())
    Survey.objects.filter(pk=survey.pk).update(response_count=len(members))
