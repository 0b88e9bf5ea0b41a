"""Pure functions turning environment variables into settings (no Django import at this level)."""
