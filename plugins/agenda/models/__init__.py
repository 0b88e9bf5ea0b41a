"""The agenda's data: venues, events and their occurrences, registrations, RSVPs, members' needs."""
from plugins.agenda.models.accessibility import FEATURES, Accessibility, Feature  # noqa: F401
from plugins.agenda.models.events import (Category, Event, EventQuerySet, EventStatus,  # noqa: F401
                                          Mode, Occurrence, OrganiserKind,
                                          RegistrationScope)
from plugins.agenda.models.members import AccessNeeds, FeedToken  # noqa: F401
from plugins.agenda.models.registrations import (Registration, RegistrationStatus,  # noqa: F401
                                                 ReminderSent, Rsvp, RsvpAnswer)
from plugins.agenda.models.venues import Venue  # noqa: F401
