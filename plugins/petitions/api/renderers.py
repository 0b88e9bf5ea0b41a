"""The delivery export as CSV: one row a named signer, one a region count, one the total."""
import csv
import io

from rest_framework.renderers import BaseRenderer


def cell(value):
    """Text a spreadsheet will not run as a formula (signers type their region freely)."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class DeliveryCSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    @staticmethod
    def disposition(petition) -> str:
        """Saved as a file named after the petition (its slug is ASCII letters, digits, dashes)."""
        return f'attachment; filename="petition-{petition.slug}-signatures.csv"'

    def render(self, data, accepted_media_type=None, renderer_context=None):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["row", "handle", "region", "count"])
        writer.writerow(["total", "", "", data["count"]])
        for region in data["counts_by_region"]:
            writer.writerow(["region", "", cell(region["region"]), region["count"]])
        for signer in data["named_signers"]:
            writer.writerow(["signer", cell(signer["handle"]), cell(signer["region"]), ""])
        return out.getvalue().encode(self.charset)
