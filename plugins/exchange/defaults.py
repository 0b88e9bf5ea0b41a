"""The starting category tree and warning words, loaded by a data migration; managers edit
them in the Wagtail admin afterwards."""

# slug, English, French, parent slug, forbidden, safety notice (en, fr)
CATEGORIES = [
    ("mobility", "Mobility", "Mobilité", None, False, "", ""),
    ("wheelchairs", "Wheelchairs", "Fauteuils roulants", "mobility", False,
     "Check the brakes and the tyres before use.",
     "Vérifiez les freins et les pneus avant usage."),
    ("walkers", "Walkers and rollators", "Déambulateurs", "mobility", False,
     "Check the brakes and the height setting.", "Vérifiez les freins et le réglage de hauteur."),
    ("beds-transfer", "Beds and transfer", "Lits et transferts", None, False, "", ""),
    ("hospital-beds", "Hospital beds", "Lits médicalisés", "beds-transfer", False,
     "The mattress cover must be washable; check the motor and the rails.",
     "La housse du matelas doit être lavable ; vérifiez le moteur et les barrières."),
    ("transfer-boards", "Transfer boards and lifts", "Planches et lève-personnes",
     "beds-transfer", False, "Check the maximum load before use.",
     "Vérifiez la charge maximale avant usage."),
    ("bathroom", "Bathroom and hygiene", "Salle de bain et hygiène", None, False, "", ""),
    ("daily-living", "Daily-living aids", "Aides à la vie quotidienne", None, False, "", ""),
    ("orthoses", "Orthoses", "Orthèses", None, False,
     "An orthosis is fitted to one person: ask a professional before reuse.",
     "Une orthèse est adaptée à une personne : demandez conseil à un professionnel."),
    ("communication", "Communication aids", "Aides à la communication", None, False, "", ""),
    ("monitoring", "Monitoring devices", "Appareils de mesure", None, False,
     "Check the calibration before relying on the measures.",
     "Vérifiez l'étalonnage avant de vous fier aux mesures."),
    ("children", "Children's equipment", "Équipement pour enfants", None, False, "", ""),
    ("forbidden", "Never listed", "Jamais proposé", None, True, "", ""),
    ("prescription-medicines", "Prescription medicines", "Médicaments sur ordonnance",
     "forbidden", True, "", ""),
    ("opened-consumables", "Opened consumables", "Consommables entamés", "forbidden", True,
     "", ""),
    ("implants", "Implants", "Implants", "forbidden", True, "", ""),
    ("single-use-sterile", "Single-use sterile items", "Dispositifs stériles à usage unique",
     "forbidden", True, "", ""),
]

WARNING_WORDS = {
    "en": ["medicine", "drug", "pill", "syringe", "needle", "insulin", "morphine", "opioid",
           "prescription", "implant", "catheter", "sterile"],
    "fr": ["médicament", "comprimé", "seringue", "aiguille", "insuline", "morphine", "opioïde",
           "ordonnance", "implant", "cathéter", "stérile", "gélule"],
}


def install_defaults(category_model, warning_word_model) -> None:
    """Create the missing default categories and words (idempotent); takes the models so the
    data migration can pass its historical ones."""
    for position, (slug, name_en, name_fr, parent, forbidden, notice_en, notice_fr) in \
            enumerate(CATEGORIES):
        category_model.objects.get_or_create(slug=slug, defaults={
            "name_en": name_en, "name_fr": name_fr, "forbidden": forbidden,
            "parent": category_model.objects.filter(slug=parent).first() if parent else None,
            "safety_notice_en": notice_en, "safety_notice_fr": notice_fr,
            "position": position})
    for language, words in WARNING_WORDS.items():
        for word in words:
            warning_word_model.objects.get_or_create(word=word, language=language)
