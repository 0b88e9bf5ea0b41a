"""CSV for the managers' export: the rows the view prepared, with formula-safe cells."""
import csv
import io

from rest_framework.renderers import BaseRenderer

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Text a spreadsheet will not run as a formula (members type free text)."""
    if value is None:
        return ""
    text = str(value)
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


class RowsCSVRenderer(BaseRenderer):
    """Renders ``{"csv_rows": [[...], ...]}``; anything else (an error) as its JSON text."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        out = io.StringIO()
        writer = csv.writer(out)
        for row in data["csv_rows"]:
            writer.writerow([safe_cell(value) for value in row])
        return out.getvalue().encode(self.charset)
