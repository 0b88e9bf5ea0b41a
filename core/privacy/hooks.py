"""Hook implementations of core.privacy (registered by core.plugins.CORE_HOOK_MODULES)."""
