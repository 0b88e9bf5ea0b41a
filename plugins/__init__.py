"""Built-in Stent plugins: each sub-package is a Django app and a pluggy plugin."""
