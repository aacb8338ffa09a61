"""The library's search-quality set: queries in English, French and Arabic, each with the
document a practitioner expects to find (issue 5, "Finding documents").

A small fixed corpus of realistic documents; every case runs library.search over it and
checks that the expected document is found, ranked first where that is meaningful, and
that excluded documents are not. Keep it passing when the search changes.
"""

from dataclasses import dataclass

import pytest

from library.choices import DocumentType
from library.models import Document
from library.search import search_documents
from membership.models import Theme
from tests.test_library_search import make_document

CORPUS = {
    # --- English ---
    "en_youth_guide": {
        "title": "Preventing radicalisation among young people: a guide for local practitioners",
        "language": "en",
        "document_type": DocumentType.GOOD_PRACTICE,
        "summary": "How municipal youth services spot early warning signs and work with families "
        "and schools.",
        "extracted_text": "Radicalisation rarely happens overnight. Youth workers, teachers and "
        "social workers are often the first to notice a change in behaviour. This guide "
        "describes a multi-agency approach: a local safeguarding panel meets every month, "
        "shares concerns within the limits of data protection law, and agrees on support such "
        "as mentoring, family counselling or help finding work. Early intervention keeps young "
        "people out of the criminal justice system. Exit programmes are a last resort.",
        "themes": ["youth"],
    },
    "en_policing": {
        "title": "Community policing and trust in diverse neighbourhoods",
        "language": "en",
        "document_type": DocumentType.RESEARCH,
        "summary": "Survey of residents and officers in twelve European cities.",
        "extracted_text": "Residents who trust neighbourhood officers are more likely to report "
        "hate crime and to share concerns about violent extremism. The survey found that "
        "regular foot patrols, community meetings and officers who speak local languages "
        "improved trust within two years. Where stop-and-search was used heavily, reporting "
        "fell.",
        "themes": ["cohesion"],
    },
    "en_online_hate": {
        "title": "Online hate speech: moderation and counter-narratives",
        "language": "en",
        "document_type": DocumentType.TOOLKIT,
        "summary": "A toolkit for city communication teams.",
        "extracted_text": "Hate spreads quickly on social media platforms. Cities can work with "
        "platforms to flag illegal content, train moderators, and support young creators who "
        "publish counter-narratives. Responding to every post is not possible; focus on "
        "networks that target minorities. Crime statistics alone do not capture online abuse.",
        "themes": ["hate-speech"],
    },
    "en_exit": {
        "title": "Evaluation of the Aarhus exit programme",
        "language": "en",
        "document_type": DocumentType.EVALUATION,
        "summary": "Outcomes for 48 participants, 2015-2020.",
        "extracted_text": "The Aarhus model offers mentoring, housing support and education to "
        "people who want to leave violent extremist groups, including returning foreign "
        "fighters and people released from prison. Of the 48 participants, 41 completed the "
        "programme. Youth participants were offered apprenticeships. Mentors met participants "
        "weekly; families were involved where possible.",
    },
    "en_mental_health": {
        "title": "Mental health and violent extremism: a multi-agency approach",
        "language": "en",
        "document_type": DocumentType.RESEARCH,
        "summary": "Research on psychosocial support for people at risk.",
        "extracted_text": "Some radicalised individuals have untreated mental health needs, "
        "although mental illness alone does not explain extremism. The study recommends that "
        "health services join local prevention panels, that clinicians receive training on "
        "radicalisation, and that trust between agencies is built through shared case reviews.",
    },
    # --- French ---
    "fr_youth_guide": {
        "title": "Guide de prévention de la radicalisation des jeunes",
        "language": "fr",
        "document_type": DocumentType.GOOD_PRACTICE,
        "summary": "Outils pour les éducateurs et les animateurs de quartier.",
        "extracted_text": "La prévention repose sur la confiance entre les jeunes, leurs familles "
        "et les professionnels. Les éducateurs de rue repèrent les signaux faibles et orientent "
        "vers une cellule de suivi. Le guide propose des fiches pratiques sur le dialogue avec "
        "les parents, l'usage des réseaux sociaux et l'accompagnement vers l'emploi.",
        "themes": ["youth"],
    },
    "fr_mombasa": {
        "title": "Coopération entre villes : l'exemple de Mombasa et de Marseille",
        "language": "fr",
        "document_type": DocumentType.CASE_STUDY,
        "summary": "Un échange entre pairs sur la médiation sociale.",
        "extracted_text": "En 2019, des médiateurs de Marseille ont passé une semaine à Mombasa, "
        "au Kenya, pour observer le travail des comités de sécurité de quartier. Les deux "
        "villes ont ensuite adapté leurs méthodes de médiation sociale et de dialogue avec les "
        "responsables religieux.",
    },
    "fr_cohesion_plan": {
        "title": "Plan d'action local pour la cohésion sociale",
        "language": "fr",
        "document_type": DocumentType.LOCAL_ACTION_PLAN,
        "summary": "Plan de la ville pour 2022-2025.",
        "extracted_text": "Face à la montée des discours de haine et à la polarisation, le "
        "conseil municipal a adopté un plan d'action. Il prévoit des formations pour les élus, "
        "un observatoire des tensions dans les quartiers prioritaires et un fonds pour les "
        "associations de jeunesse.",
    },
    "fr_school_mediation": {
        "title": "Évaluation du programme de médiation dans les écoles",
        "language": "fr",
        "document_type": DocumentType.EVALUATION,
        "summary": "Résultats après trois années scolaires.",
        "extracted_text": "Des médiateurs scolaires sont intervenus dans douze collèges. Les "
        "élèves déclarent moins de harcèlement et le décrochage scolaire a baissé. Les écoles "
        "souhaitent poursuivre la prévention de la violence avec les familles.",
    },
    # --- Arabic ---
    "ar_prevention_guide": {
        "title": "دليل الوقاية من التطرف العنيف في المدن",
        "language": "ar",
        "document_type": DocumentType.GOOD_PRACTICE,
        "summary": "دليل عملي للبلديات والعاملين مع الشباب.",
        # "والإرهاب" (and terrorism) only ever with its conjunction; "التطرف" never with one.
        "extracted_text": "يساعد هذا الدليل البلديات على فهم أسباب التطرف العنيف والإرهاب في "
        "الأحياء. تعمل الأسر والمدارس والجمعيات معًا لحماية الشباب من خطاب التجنيد. ويقترح "
        "الدليل خطوات بسيطة: الاستماع، وبناء الثقة، والإحالة إلى الخدمات الاجتماعية.",
    },
    "ar_mombasa": {
        "title": "تجربة مدينة Mombasa في الحوار المجتمعي",
        "language": "ar",
        "document_type": DocumentType.CASE_STUDY,
        "summary": "كيف بنت المدينة الثقة بين الشباب والشرطة.",
        "extracted_text": "في Mombasa، جمعت البلدية القادة الدينيين والشباب والنساء في لقاءات "
        "شهرية للحوار. وكان الهدف مدينة آمنة يشعر فيها الجميع بالانتماء. ساعدت هذه اللقاءات "
        "على تخفيف التوتر بين الأحياء.",
    },
    "ar_returnees": {
        "title": "تقييم برامج إعادة تأهيل الشباب العائدين",
        "language": "ar",
        "document_type": DocumentType.EVALUATION,
        "summary": "تقييم مستقل لبرنامج مدته ثلاث سنوات.",
        "extracted_text": "شمل التقييم مئة وعشرين مشاركًا من العائدين من مناطق النزاع. قدّم "
        "البرنامج الدعم النفسي والتعليم المهني داخل السجون وخارجها. وأظهرت النتائج أن الإدماج "
        "في سوق العمل يقلل خطر العودة إلى العنف.",
    },
    "ar_hate_plan": {
        "title": "خطة عمل محلية لمكافحة خطاب الكراهية",
        "language": "ar",
        "document_type": DocumentType.LOCAL_ACTION_PLAN,
        "summary": "خطة البلدية للفترة من 2022 إلى 2025.",
        "extracted_text": "تنتشر رسائل الكراهية على وسائل التواصل الاجتماعي وتستهدف اللاجئين "
        "والأقليات. تقترح الخطة رصد المحتوى، وتدريب الصحفيين، ودعم المبادرات الشبابية التي "
        "تنشر رسائل بديلة.",
    },
}

THEMES = {
    "youth": {
        "name": "Youth engagement",
        "name_fr": "Engagement des jeunes",
        "name_ar": "إشراك الشباب",
    },
    "cohesion": {
        "name": "Social cohesion",
        "name_fr": "Cohésion sociale",
        "name_ar": "التماسك الاجتماعي",
    },
    "hate-speech": {
        "name": "Hate speech",
        "name_fr": "Discours de haine",
        "name_ar": "خطاب الكراهية",
    },
}


@dataclass(frozen=True)
class Case:
    """A query and what a practitioner expects of it."""

    query: str
    finds: str  # a key of CORPUS
    first: bool = False  # ranked first as well
    not_found: tuple[str, ...] = ()
    why: str = ""

    def __str__(self):
        return self.query


CASES = [
    # English: stemming, phrases, OR, exclusions, weights
    Case("radicalised", "en_youth_guide", first=True, why="stem: radicalisation in the title"),
    Case("radicalisation", "en_mental_health", why="in the body only"),
    Case("young people", "en_youth_guide", first=True),
    Case("mentor", "en_exit", why="singular; the document says mentors"),
    Case("trust", "en_policing", first=True, why="title (A) above a body-only match (C)"),
    Case("exit", "en_exit", first=True, not_found=(), why="title above en_youth_guide's body"),
    Case('"hate crime"', "en_policing", not_found=("en_online_hate",), why="phrase"),
    Case("hate -policing", "en_online_hate", not_found=("en_policing",), why="exclusion"),
    Case("youth -prison", "en_youth_guide", not_found=("en_exit",), why="exclusion"),
    Case("youth -prisons", "en_youth_guide", not_found=("en_exit",), why="stemmed exclusion"),
    Case('youth -"foreign fighters"', "en_youth_guide", not_found=("en_exit",)),
    Case("Aarhus OR Marseille", "en_exit", why="OR"),
    Case("Aarhus OR Marseille", "fr_mombasa", why="OR across languages"),
    Case("MENTAL HEALTH", "en_mental_health", first=True, why="case"),
    Case("counter-narratives", "en_online_hate", first=True, why="hyphenated word"),
    Case("moderators", "en_online_hate", first=True, why="plural"),
    # French: accents, plurals, phrases
    Case("prevention", "fr_youth_guide", why="prévention without its accent"),
    Case("jeune", "fr_youth_guide", first=True, why="jeunes, plural"),
    Case("ecole", "fr_school_mediation", first=True, why="écoles: accent and plural"),
    Case("mediateurs", "fr_school_mediation", why="médiateurs"),
    Case("évaluation médiation", "fr_school_mediation", first=True, why="both words"),
    Case(
        '"discours de haine"',
        "fr_cohesion_plan",
        not_found=("fr_youth_guide",),
        why="phrase (it is also the French name of en_online_hate's theme)",
    ),
    Case("médiation -écoles", "fr_mombasa", not_found=("fr_school_mediation",)),
    Case(
        "mediation -ecole",
        "fr_mombasa",
        not_found=("fr_school_mediation",),
        why="stemmed exclusion without accents",
    ),
    Case("quartiers", "fr_youth_guide", why="quartier, singular in the summary"),
    Case("cohesion sociale", "fr_cohesion_plan", first=True, why="title, accent"),
    Case("Kenya", "fr_mombasa", first=True, why="a name inside a French text"),
    # Arabic: diacritics, alef/hamza, inflections, the conjunction و
    Case("التطرف", "ar_prevention_guide", first=True),
    Case("التَّطَرُّفُ", "ar_prevention_guide", first=True, why="with tashkeel"),
    Case("الارهاب", "ar_prevention_guide", why="bare alef for إ, doc has والإرهاب"),
    Case("إرهاب", "ar_prevention_guide", why="without the article"),
    Case("والتطرف", "ar_prevention_guide", why="with the conjunction; doc has التطرف"),
    Case("امنة", "ar_mombasa", first=True, why="bare alef for آ (آمنة)"),
    Case("أمن", "ar_mombasa", why="hamza alef, the root of آمنة"),
    Case("الاسرة", "ar_prevention_guide", why="singular, bare alef; doc has الأسر"),
    Case("بلدية", "ar_prevention_guide", why="singular; doc has البلديات"),
    Case("العائدون", "ar_returnees", first=True, why="nominative; doc has العائدين"),
    Case("للشباب", "ar_returnees", why="preposition ل joined; doc has الشباب"),
    Case("الكراهية", "ar_hate_plan", first=True, why="title above a theme name"),
    Case('"خطاب الكراهية"', "ar_hate_plan", not_found=("ar_prevention_guide",), why="phrase"),
    Case("الشباب -السجون", "ar_prevention_guide", not_found=("ar_returnees",)),
    Case("الحوار OR الكراهية", "ar_mombasa"),
    Case("الحوار OR الكراهية", "ar_hate_plan"),
    # Across languages: names in Latin script, themes in every interface language
    Case("Mombasa", "fr_mombasa", why="named in a French document"),
    Case("Mombasa", "ar_mombasa", why="named in Latin script in an Arabic document"),
    Case("mombasa", "ar_mombasa", why="lower case"),
    Case("cohésion sociale", "en_policing", why="French name of the document's theme"),
    Case("التماسك الاجتماعي", "en_policing", why="Arabic name of the document's theme"),
    Case("Discours de haine", "en_online_hate", why="French theme name, English document"),
    Case("إشراك الشباب", "fr_youth_guide", why="Arabic theme name, French document"),
    Case("engagement des jeunes", "en_youth_guide", why="French theme name"),
]


@pytest.fixture
def corpus(db) -> dict[str, Document]:
    themes = {key: Theme.objects.create(slug=key, **names) for key, names in THEMES.items()}
    documents = {}
    for key, fields in CORPUS.items():
        fields = dict(fields)
        documents[key] = make_document(
            themes=[themes[theme] for theme in fields.pop("themes", [])], **fields
        )
    return documents


def ranked(query: str) -> list[str]:
    """Keys of the corpus documents matching `query`, best first."""
    keys = {fields["title"]: key for key, fields in CORPUS.items()}
    results = search_documents(Document.objects.all(), query).order_by("-rank", "pk")
    return [keys[document.title] for document in results]


def test_the_set_is_big_enough_and_covers_the_three_languages():
    assert len(CASES) >= 30
    languages = {CORPUS[case.finds]["language"] for case in CASES}
    assert languages == {"en", "fr", "ar"}


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.query}->{case.finds}")
def test_search_quality(corpus, case):
    results = ranked(case.query)
    assert case.finds in results, f"{case.query!r} should find {case.finds} ({case.why})"
    if case.first:
        assert results[0] == case.finds, f"{case.query!r} should rank {case.finds} first"
    for key in case.not_found:
        assert key not in results, f"{case.query!r} should not find {key}"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "the and of",  # stop words only
        "le la les",
        "في من على",
        '"unbalanced quotes',
        'phrase"',
        "-",
        "--",
        "OR",
        "a OR",
        "!",
        "&|:*()<>",
        "'; DROP TABLE library_document; --",
        "1' OR '1'='1",
        "%_\\",
        "x" * 500,
        "prévention " * 60,
        "\x00",
        "radical\x00isation",
        "\x01\x02\x03\x1f\x7f",
        "\u200f\u202e",
    ],
)
def test_odd_input_never_fails(corpus, query):
    results = list(search_documents(Document.objects.all(), query))
    assert isinstance(results, list)


def test_control_characters_are_dropped_not_searched(corpus):
    assert "en_mental_health" in ranked("radicalised\x00")


def test_an_empty_query_filters_nothing(corpus):
    assert search_documents(Document.objects.all(), "  ").count() == len(CORPUS)
