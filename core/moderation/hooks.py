"""Hook implementations of core.moderation (registered by core.plugins.CORE_HOOK_MODULES)."""
