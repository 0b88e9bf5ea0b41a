"""Signals of the privacy layer, for the apps above it that hold the data a consent covers."""
from django.dispatch import Signal

#: Sent inside the transaction that records a withdrawal: ``member``, ``purpose``. The apps
#: holding data of that purpose stop using it at once (identity hides the conditions).
consent_withdrawn = Signal()
