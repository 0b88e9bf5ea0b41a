"""Hook implementations of core.identity (registered by core.plugins.CORE_HOOK_MODULES)."""
