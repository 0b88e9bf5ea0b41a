"""Hook implementations of core.notifications (registered by core.plugins.CORE_HOOK_MODULES)."""
