"""The privacy policy: audiences, visible_to(), consent, export and erasure, audit log."""
