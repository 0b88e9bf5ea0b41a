"""Agenda: Activities and events, with registrations and capacity."""
