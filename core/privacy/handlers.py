"""PrivacyHandler: the export and erasure of one part of a member's data (pretix's shredders)."""


class PrivacyHandler:
    """One section of a member's export, and the erasure of the same data.

    Subclasses name themselves and list the models they cover (a test checks that every model
    pointing to a member is covered). ``erase`` runs inside the erasure transaction: it deletes or
    anonymises so that no string of the member stays, while counts and totals stay right.
    """

    identifier: str = ""
    verbose_name: str = ""
    description: str = ""
    models: tuple = ()

    def export(self, member) -> dict:
        raise NotImplementedError

    def erase(self, member) -> None:
        raise NotImplementedError
