"""Listing safety: forbidden categories and warning words matched on their word forms.

Words are compared by a key that ignores case and accents and strips simple French and
English plural endings, so "Seringues", "seringue" and "SERINGUE" all hit the word "seringue".
"""
import re
import unicodedata

from django.utils.translation import gettext as _

from core.errors import Invalid

WORD = re.compile(r"[^\W_]+")


def word_key(word: str) -> str:
    """The form a word is compared by: casefolded, without accents, singular."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    for ending, replacement in (("eaux", "eau"), ("ies", "y"), ("aux", "al")):
        if len(bare) > len(ending) + 2 and bare.endswith(ending):
            return bare[: -len(ending)] + replacement
    if len(bare) > 3 and bare[-1] in "sx" and not bare.endswith("ss"):
        return bare[:-1]
    return bare


def keys_of(text: str) -> set[str]:
    return {word_key(word) for word in WORD.findall(text)}


def warning_words_in(*texts: str) -> list[str]:
    """The active warning words found in the texts, as the managed list spells them."""
    from plugins.exchange.models import WarningWord

    found = set().union(*(keys_of(text) for text in texts))
    if not found:
        return []
    return sorted(word for word in WarningWord.objects.filter(active=True)
                  .values_list("word", flat=True) if word_key(word) in found)


def check_category(category) -> None:
    """A forbidden category (or one under a forbidden parent) is refused."""
    node, seen = category, set()
    while node is not None and node.pk not in seen:
        if node.forbidden:
            raise Invalid("category", _(
                "This kind of item can never be listed (for example medicines, opened "
                "consumables, implants or single-use sterile items)."))
        seen.add(node.pk)
        node = node.parent
