"""The agenda's rules, one module per concern; views call these, never the models directly."""
