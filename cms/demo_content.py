"""The text of the demo pages, in English and French, written for Stent (not medical advice)."""

HOME = {
    "en": {"title": "Living with a chronic condition", "slug": "home",
           "intro": "Reliable information on chronic conditions, reviewed by health "
                    "professionals, and the associations that support patients and relatives."},
    "fr": {"title": "Vivre avec une maladie chronique", "slug": "accueil",
           "intro": "Une information fiable sur les maladies chroniques, relue par des "
                    "professionnels de santé, et les associations qui soutiennent patients et "
                    "proches."},
}

SECTIONS = {
    "conditions": {"en": {"title": "Conditions", "slug": "conditions"},
                   "fr": {"title": "Maladies", "slug": "maladies"}},
    "articles": {"en": {"title": "News and testimonies", "slug": "news"},
                 "fr": {"title": "Actualités et témoignages", "slug": "actualites"}},
    "associations": {"en": {"title": "Associations", "slug": "associations"},
                     "fr": {"title": "Associations", "slug": "associations"}},
}


def _body(sections, faq):
    blocks = []
    for heading, text in sections:
        blocks.append({"type": "heading", "value": heading})
        blocks.append({"type": "paragraph", "value": f"<p>{text}</p>"})
    for question, answer in faq:
        blocks.append({"type": "faq", "value": {"question": question,
                                                "answer": f"<p>{answer}</p>"}})
    return blocks


CONDITIONS = [
    {
        "key": "type-1-diabetes", "community": "type-1-diabetes", "tags": ["diabetes", "autoimmune"],
        "sources": [
            ("Type 1 diabetes: overview", "National health agency",
             "https://www.health-agency.example/diabetes/type-1"),
            ("Guidelines on insulin therapy in adults", "National authority for health",
             "https://www.health-authority.example/guidelines/insulin"),
        ],
        "en": {"title": "Type 1 diabetes", "slug": "type-1-diabetes",
               "summary": "An autoimmune condition in which the pancreas stops producing "
                          "insulin. It is treated with insulin every day and careful monitoring "
                          "of blood glucose.",
               "body": _body([
                   ("What happens in the body", "The immune system destroys the cells of the "
                    "pancreas that make insulin, the hormone that lets glucose enter the cells. "
                    "Without insulin, blood glucose rises."),
                   ("Treatment", "Insulin is given by injections or by a pump. Glucose is "
                    "measured with finger-prick tests or a continuous sensor, and doses are "
                    "adjusted to meals and physical activity."),
                   ("Daily life", "School, work, sport and travel remain possible. A care team "
                    "helps plan for hypoglycaemia and for days of illness."),
               ], [("Is type 1 diabetes caused by eating sugar?",
                    "No. It is an autoimmune condition; diet does not cause it."),
                   ("Can it be cured?", "Not today. Treatment replaces the missing insulin.")])},
        "fr": {"title": "Diabète de type 1", "slug": "diabete-de-type-1",
               "summary": "Une maladie auto-immune dans laquelle le pancréas ne produit plus "
                          "d'insuline. Elle se soigne par de l'insuline chaque jour et une "
                          "surveillance attentive de la glycémie.",
               "body": _body([
                   ("Ce qui se passe dans le corps", "Le système immunitaire détruit les cellules "
                    "du pancréas qui fabriquent l'insuline, l'hormone qui fait entrer le glucose "
                    "dans les cellules. Sans insuline, la glycémie monte."),
                   ("Traitement", "L'insuline est administrée par injections ou par une pompe. "
                    "La glycémie est mesurée au bout du doigt ou par un capteur en continu, et "
                    "les doses sont ajustées aux repas et à l'activité physique."),
                   ("Vie quotidienne", "L'école, le travail, le sport et les voyages restent "
                    "possibles. L'équipe soignante aide à prévoir les hypoglycémies et les jours "
                    "de maladie."),
               ], [("Le diabète de type 1 vient-il du sucre ?",
                    "Non. C'est une maladie auto-immune ; l'alimentation n'en est pas la cause."),
                   ("Peut-on en guérir ?",
                    "Pas aujourd'hui. Le traitement remplace l'insuline manquante.")])},
    },
    {
        "key": "multiple-sclerosis", "community": "multiple-sclerosis",
        "tags": ["neurology", "autoimmune"],
        "sources": [
            ("Multiple sclerosis", "National health agency",
             "https://www.health-agency.example/neurology/multiple-sclerosis"),
        ],
        "en": {"title": "Multiple sclerosis", "slug": "multiple-sclerosis",
               "summary": "A disease of the central nervous system in which inflammation "
                          "damages the myelin around nerve fibres. Its course differs greatly "
                          "from one person to another.",
               "body": _body([
                   ("Symptoms", "Fatigue, visual disturbances, numbness, difficulty walking or "
                    "with balance. Symptoms may come in relapses and then recede."),
                   ("Treatment", "Disease-modifying treatments reduce relapses; rehabilitation "
                    "and symptom treatments help with daily life. A neurologist follows the "
                    "disease with regular MRI scans."),
               ], [("Is fatigue part of the disease?",
                    "Yes. It is one of the most common symptoms and deserves to be discussed "
                    "with the care team.")])},
        "fr": {"title": "Sclérose en plaques", "slug": "sclerose-en-plaques",
               "summary": "Une maladie du système nerveux central dans laquelle une "
                          "inflammation abîme la myéline qui entoure les fibres nerveuses. Son "
                          "évolution varie beaucoup d'une personne à l'autre.",
               "body": _body([
                   ("Symptômes", "Fatigue, troubles visuels, engourdissements, difficultés à "
                    "marcher ou à garder l'équilibre. Les symptômes peuvent survenir par "
                    "poussées puis régresser."),
                   ("Traitement", "Les traitements de fond réduisent les poussées ; la "
                    "rééducation et les traitements des symptômes aident au quotidien. Un "
                    "neurologue suit la maladie par des IRM régulières."),
               ], [("La fatigue fait-elle partie de la maladie ?",
                    "Oui. C'est l'un des symptômes les plus fréquents ; il mérite d'être abordé "
                    "avec l'équipe soignante.")])},
    },
    {
        "key": "fibromyalgia", "community": "fibromyalgia", "tags": ["pain"],
        "sources": [
            ("Fibromyalgia in adults: state of knowledge", "National authority for health",
             "https://www.health-authority.example/reports/fibromyalgia"),
        ],
        "en": {"title": "Fibromyalgia", "slug": "fibromyalgia",
               "summary": "Widespread, lasting pain with fatigue and poor sleep. Its causes "
                          "are still being studied; care combines physical activity, education "
                          "and symptom treatment.",
               "body": _body([
                   ("Recognising it", "The diagnosis rests on the description of the pain and "
                    "its duration, once other causes have been ruled out."),
                   ("Care", "Gradual, adapted physical activity is the best studied approach. "
                    "Therapeutic education and psychological support help people manage pain "
                    "over time."),
               ], [("Is the pain imaginary?",
                    "No. The pain is real, even when examinations are normal.")])},
        "fr": {"title": "Fibromyalgie", "slug": "fibromyalgie",
               "summary": "Des douleurs diffuses et durables, avec fatigue et troubles du "
                          "sommeil. Ses causes sont encore étudiées ; la prise en charge associe "
                          "activité physique, éducation et traitement des symptômes.",
               "body": _body([
                   ("La reconnaître", "Le diagnostic repose sur la description des douleurs et "
                    "leur durée, une fois les autres causes écartées."),
                   ("Prise en charge", "Une activité physique progressive et adaptée est "
                    "l'approche la mieux étudiée. L'éducation thérapeutique et le soutien "
                    "psychologique aident à vivre avec la douleur dans la durée."),
               ], [("La douleur est-elle imaginaire ?",
                    "Non. La douleur est réelle, même lorsque les examens sont normaux.")])},
    },
    {
        "key": "crohns-disease", "community": "crohns-disease", "tags": ["digestive"],
        "sources": [
            ("Inflammatory bowel diseases", "National health agency",
             "https://www.health-agency.example/digestive/ibd"),
        ],
        "en": {"title": "Crohn's disease", "slug": "crohns-disease",
               "summary": "A chronic inflammatory bowel disease that progresses in flares. "
                          "Treatments aim to calm the inflammation and keep it in remission.",
               "body": _body([
                   ("Symptoms", "Abdominal pain, diarrhoea, fatigue and weight loss during "
                    "flares, with calmer periods in between."),
                   ("Treatment", "Medicines reduce inflammation; some people need surgery. "
                    "Stopping smoking clearly helps. A gastroenterologist adapts the treatment "
                    "over time."),
               ], [("Does diet cause Crohn's disease?",
                    "No, but some foods may be better avoided during flares; a dietitian can "
                    "help.")])},
        "fr": {"title": "Maladie de Crohn", "slug": "maladie-de-crohn",
               "summary": "Une maladie inflammatoire chronique de l'intestin qui évolue par "
                          "poussées. Les traitements visent à calmer l'inflammation et à la "
                          "maintenir en rémission.",
               "body": _body([
                   ("Symptômes", "Douleurs abdominales, diarrhée, fatigue et amaigrissement "
                    "pendant les poussées, avec des périodes plus calmes entre elles."),
                   ("Traitement", "Des médicaments réduisent l'inflammation ; certaines "
                    "personnes ont besoin d'une chirurgie. Arrêter de fumer aide nettement. Un "
                    "gastro-entérologue adapte le traitement dans le temps."),
               ], [("L'alimentation cause-t-elle la maladie de Crohn ?",
                    "Non, mais certains aliments peuvent être évités pendant les poussées ; un "
                    "diététicien peut aider.")])},
    },
]

ASSOCIATION = {
    "communities": ["multiple-sclerosis", "fibromyalgia"],
    "contact_email": "contact@together-association.example", "phone": "+33 1 00 00 00 00",
    "website": "https://together-association.example",
    "en": {"title": "Together Against Chronic Illness", "slug": "together",
           "region": "Nationwide",
           "mission": "<p>We support people living with a chronic illness and their relatives: "
                      "listening, information meetings and help with administrative steps.</p>"},
    "fr": {"title": "Ensemble face à la maladie chronique", "slug": "ensemble",
           "region": "Toute la France",
           "mission": "<p>Nous accompagnons les personnes vivant avec une maladie chronique et "
                      "leurs proches : écoute, réunions d'information et aide aux démarches "
                      "administratives.</p>"},
}

ARTICLES = [
    {"key": "spring-meetings", "kind": "news", "parent": "association", "tags": ["meetings"],
     "en": {"title": "Information meetings this spring", "slug": "spring-meetings",
            "intro": "Our volunteers hold monthly meetings on living with fatigue at work.",
            "body": _body([("Programme", "Each meeting starts with a short talk by an "
                            "occupational physician, followed by open questions.")], [])},
     "fr": {"title": "Réunions d'information ce printemps", "slug": "reunions-printemps",
            "intro": "Nos bénévoles organisent chaque mois une réunion sur la fatigue au "
                     "travail.",
            "body": _body([("Programme", "Chaque réunion commence par un court exposé d'un "
                            "médecin du travail, suivi de questions libres.")], [])}},
    {"key": "testimony-sensor", "kind": "testimony", "parent": "articles",
     "tags": ["diabetes", "daily life"],
     "en": {"title": "\"The sensor changed my nights\"", "slug": "sensor-testimony",
            "intro": "A member describes her first year with a continuous glucose sensor.",
            "body": [{"type": "quote", "value": {
                "text": "I used to wake up three times a night to check. Now the alarm does it "
                        "for me, and I sleep.", "attribution": "A member, 34"}}]},
     "fr": {"title": "« Le capteur a changé mes nuits »", "slug": "temoignage-capteur",
            "intro": "Une membre raconte sa première année avec un capteur de glucose en "
                     "continu.",
            "body": [{"type": "quote", "value": {
                "text": "Je me réveillais trois fois par nuit pour vérifier. Maintenant "
                        "l'alarme le fait pour moi, et je dors.", "attribution": "Une membre, 34 ans"}}]}},
]
