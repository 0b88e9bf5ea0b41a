"""The agenda API: thin views over queries and services."""
