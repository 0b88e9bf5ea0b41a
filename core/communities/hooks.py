"""Hook implementations of core.communities (registered by core.plugins.CORE_HOOK_MODULES)."""
