"""Listing safety: forbidden categories and warning words matched on their word forms.

Words are compared by a key that ignores case and accents and strips simple French and English
plural and feminine endings, so "Seringues", "seringue" and "SERINGUE" all hit the word
"seringue", "entamées" hits "entamé" and "opioïdes" hits "opioid". A warning made of several
words ("usage unique") hits those words in a row.
"""
import re
import unicodedata

from django.utils.translation import gettext as _

from core.errors import Invalid

WORD = re.compile(r"[^\W_]+")
#: Plural endings and what they become, tried in order (French, then English).
PLURALS = (("eaux", "eau"), ("ies", "y"), ("aux", "al"))
#: Feminine endings and their masculine form (after the plural is gone).
FEMININES = (("euse", "eu"), ("ive", "if"))
#: Consonants French doubles before a feminine e: ancienne, cruelle, muette.
DOUBLED = "lnt"


def _singular(word: str) -> str:
    for ending, replacement in PLURALS:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)] + replacement
    if len(word) > 3 and word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def _masculine(word: str) -> str:
    for ending, replacement in FEMININES:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return word[: -len(ending)] + replacement
    if word.endswith("ee"):  # accents are gone: entamée -> entamee -> entame
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        # A final mute e goes on both sides (stérile, seringue; ouverte -> ouvert).
        word = word[:-1]
        if len(word) > 3 and word[-1] in DOUBLED and word[-2] == word[-1]:
            word = word[:-1]
    return word


def word_key(word: str) -> str:
    """The form a word is compared by: casefolded, without accents, singular, masculine."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _masculine(_singular(bare))


def keys_in_order(text: str) -> list[str]:
    return [word_key(word) for word in WORD.findall(text)]


def _contains(keys: list[str], phrase: list[str]) -> bool:
    size = len(phrase)
    return bool(size) and any(keys[start:start + size] == phrase
                              for start in range(len(keys) - size + 1))


def warning_words_in(*texts: str) -> list[str]:
    """The active warning words found in the texts, as the managed list spells them."""
    from plugins.exchange.models import WarningWord

    texts = [keys_in_order(text) for text in texts]
    if not any(texts):
        return []
    return sorted(word for word in WarningWord.objects.filter(active=True)
                  .values_list("word", flat=True)
                  if any(_contains(keys, keys_in_order(word)) for keys in texts))


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
