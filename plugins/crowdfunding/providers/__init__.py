"""Payment providers: the interface, the registry fed by a hook, and the two shipped ones."""
