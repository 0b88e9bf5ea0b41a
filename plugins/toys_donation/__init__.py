"""Toy donation: Donating toys to hospitals' paediatric wards."""
