"""The API foundation: pagination, errors, throttles, schema and the /api/v1/ root."""
