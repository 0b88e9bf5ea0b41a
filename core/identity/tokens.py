"""The app client's session tokens, looked up with one query.

allauth's ``SessionTokenStrategy.lookup_session`` asks the store whether the session exists,
then loads it: two reads of the session table for every signed-in token request. Loading it
once gives the same answer (a missing or expired session clears the key), which allauth's own
``sessionkit.lookup_session`` does; this strategy uses it.
"""
from allauth.headless.internal import sessionkit
from allauth.headless.tokens.strategies.sessions import SessionTokenStrategy


class SingleLookupSessionTokenStrategy(SessionTokenStrategy):
    def lookup_session(self, session_token):
        if not session_token:
            return None
        return sessionkit.lookup_session(session_token)
