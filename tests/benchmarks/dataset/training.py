"""Training: 20 published modules in English, French and Arabic, and 100,000 enrolments
(at full size) with the lessons done and the quizzes answered.

The five demo modules (training/demo*.py: two originals and three translations) come with
their own lessons and questions; the fifteen others are families on the other themes of
the network (originals and their translations), with lessons written from the demo
library's texts and quiz questions taken from the demo modules of their language. Every
module has 4 to 6 lessons, a module and its translations the same number.

Enrolments are one per member and module, more for the popular modules, mostly in the
member's language. Lessons are done in order; each lesson done that has a quiz has its
attempt (the score of the answers given; the ticks themselves, QuizAnswer, are not
generated: no page reads them). About a third of the enrolments are completed: every
lesson done, a score at or above the pass mark and a certificate code. The benchmark member
has modules in progress and one completed.
"""

import datetime
import math
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from library.models import Document
from membership.models import Theme
from tests.benchmarks.dataset import network, texts
from tests.benchmarks.dataset.copying import copy_rows, indexes_dropped, sync_sequence
from tests.benchmarks.dataset.shared import REFERENCE_TIME, Scale, random_moment, rng_for
from training.choices import ModuleLevel, ModuleStatus, QuestionKind
from training.demo import DEMO_MODULES
from training.demo_content import GIFCT_SITE, HEDAYAH_SITE, ISD_SITE, RAN_SITE, SCN_SITE
from training.models import Module
from training.services import CODE_ALPHABET, CODE_GROUP_LENGTH, CODE_GROUPS

VERSION = "1"
APPS = ("training",)
TABLES = ("training_module", "training_lesson", "training_lessonlink", "training_question",
          "training_choice", "training_lesson_documents", "membership_themeditem",
          "training_enrolment", "training_lessoncompletion", "training_quizattempt")  # fmt: skip
PASS_MARK = 70


@dataclass(frozen=True)
class Family:
    """A module and its translations: {language: (title, summary)}, the original first."""

    slug: str
    themes: tuple[str, ...]
    level: str
    minutes: int
    versions: dict[str, tuple[str, str]]


FAMILIES = (
    Family("local-action-plans", ("Local action planning", "Risk assessment"),
           ModuleLevel.INTERMEDIATE, 75, {
               "en": ("Local action plans: from analysis to action",
                      "How a city turns an analysis of local risks into a plan that its "
                      "partners own and carry out."),
               "fr": ("Plans d'action locaux : de l'analyse à l'action",
                      "Comment une ville passe de l'analyse des risques locaux à un plan porté "
                      "par ses partenaires."),
               "ar": ("خطط العمل المحلية: من التحليل إلى التنفيذ",
                      "كيف تنتقل المدينة من تحليل المخاطر المحلية إلى خطة يتبناها الشركاء "
                      "وينفذونها."),
           }),
    Family("prevention-networks", ("Prevention networks (multi-agency)",
                                   "Interventions and referral"),
           ModuleLevel.INTERMEDIATE, 60, {
               "en": ("Building a multi-agency prevention network",
                      "Who sits at the table, how information is shared and how cases are "
                      "followed up."),
               "fr": ("Construire un réseau de prévention multi-agences",
                      "Qui s'assoit à la table, comment l'information circule et comment les "
                      "situations sont suivies."),
           }),
    Family("working-with-young-people", ("Youth engagement", "Education and schools"),
           ModuleLevel.INTRODUCTORY, 45, {
               "en": ("Working with young people",
                      "Involving young people in prevention: schools, youth clubs and youth "
                      "councils."),
               "ar": ("العمل مع الشباب",
                      "إشراك الشباب في الوقاية: المدارس والأندية الشبابية ومجالس الشباب."),
           }),
    Family("mentoring-programmes", ("Mentoring", "Youth engagement"),
           ModuleLevel.INTERMEDIATE, 50, {
               "en": ("Mentoring programmes for young people at risk",
                      "Recruiting, training and supporting mentors, and matching them with "
                      "young people."),
           }),
    Family("answering-hate", ("Hate crime and hate speech", "Polarisation and social cohesion"),
           ModuleLevel.INTRODUCTORY, 40, {
               "en": ("Answering hate in the city",
                      "Recording hate incidents, supporting victims and answering hate speech "
                      "locally."),
               "fr": ("Répondre à la haine dans la ville",
                      "Recenser les actes haineux, accompagner les victimes et répondre aux "
                      "discours de haine."),
           }),
    Family("online-extremism-for-municipalities",
           ("Online extremism", "Counter-narratives and strategic communications"),
           ModuleLevel.ADVANCED, 70, {
               "en": ("Online extremism: what municipalities can do",
                      "What a city can and cannot do about extremist content online, and who "
                      "its partners are."),
           }),
    Family("psychosocial-support", ("Psychosocial support", "Interventions and referral"),
           ModuleLevel.INTERMEDIATE, 55, {
               "en": ("Psychosocial support in prevention work",
                      "Recognising distress, referring people to care and looking after "
                      "frontline staff."),
           }),
    Family("monitoring-and-evaluation", ("Monitoring and evaluation",),
           ModuleLevel.ADVANCED, 80, {
               "en": ("Monitoring and evaluating prevention programmes",
                      "Choosing indicators, collecting data ethically and learning from the "
                      "results."),
           }),
    Family("cohesion-sociale-quartiers", ("Polarisation and social cohesion",
                                          "Religious and community leaders"),
           ModuleLevel.INTRODUCTORY, 45, {
               "fr": ("Cohésion sociale dans les quartiers",
                      "Travailler avec les habitants, les associations et les responsables "
                      "religieux pour apaiser les tensions."),
           }),
    Family("community-policing", ("Policing and community engagement",),
           ModuleLevel.INTRODUCTORY, 40, {
               "en": ("Community policing and trust",
                      "How the police and the municipality build trust with communities and "
                      "work together on prevention."),
           }),
)  # fmt: skip
LESSON_TITLES = {
    "en": ("Why it matters", "Understanding the local situation", "Partners and roles",
           "Designing the response", "Putting it into practice", "Measuring what changes"),
    "fr": ("Pourquoi c'est important", "Comprendre la situation locale", "Partenaires et rôles",
           "Concevoir la réponse", "Passer à la pratique", "Mesurer les changements"),
    "ar": ("لماذا يهم هذا الموضوع", "فهم الوضع المحلي", "الشركاء والأدوار", "تصميم الاستجابة",
           "التطبيق العملي", "قياس التغيير"),
}  # fmt: skip
SUBHEADINGS = {
    "en": ("In practice", "What to watch for", "Questions to ask"),
    "fr": ("En pratique", "Points de vigilance", "Questions à se poser"),
    "ar": ("في الممارسة", "ما يجب الانتباه إليه", "أسئلة يجب طرحها"),
}
LINKS = (("Strong Cities Network", SCN_SITE), ("Institute for Strategic Dialogue", ISD_SITE),
         ("EU Radicalisation Awareness Network (RAN)", RAN_SITE), ("Hedayah", HEDAYAH_SITE),
         ("Global Internet Forum to Counter Terrorism", GIFCT_SITE))  # fmt: skip

MODULE_COLUMNS = ("id", "title", "slug", "summary", "language", "level", "estimated_minutes",
                  "pass_mark", "working_group_id", "translation_of_id", "status",
                  "published_at", "created", "updated")  # fmt: skip
ENROLMENT_COLUMNS = ("id", "user_id", "module_id", "city_id", "enrolled_at", "last_activity",
                     "last_lesson_id", "completed_at", "score", "certificate_code")  # fmt: skip


@dataclass
class GeneratedModule:
    pk: int
    language: str
    published_at: datetime.datetime
    lessons: list[int]  # lesson ids in order
    questions: dict[int, int]  # lesson id -> number of questions


class ContentGenerator:
    """The modules, their lessons, links, questions and choices."""

    def __init__(self):
        self.rng = rng_for("training")
        self.themes = {theme.name: theme.pk for theme in Theme.objects.all()}
        self.module_type = ContentType.objects.get_for_model(Module).pk
        self.questions = {language: [question for spec in DEMO_MODULES if spec.language ==
                                     language for lesson in spec.lessons
                                     for question in lesson.questions]
                          for language in texts.LANGUAGES}  # fmt: skip
        self.documents = {
            language: list(Document.objects.published().filter(language=language)
                           .order_by("pk").values_list("pk", flat=True)[:5000])
            for language in texts.LANGUAGES
        }  # fmt: skip
        self.rows = {table: [] for table in TABLES if table != "training_enrolment"}
        self.modules: list[GeneratedModule] = []
        self.ids = dict.fromkeys(("module", "lesson", "link", "question", "choice"), 0)

    def new_id(self, kind: str) -> int:
        self.ids[kind] += 1
        return self.ids[kind]

    def generate(self) -> None:
        rng = self.rng
        originals: dict[str, int] = {}
        lesson_counts: dict[str, int] = {}
        for spec in DEMO_MODULES:  # originals come first in DEMO_MODULES
            family = spec.translation_of or spec.slug
            count = lesson_counts.setdefault(family, max(len(spec.lessons), rng.randint(4, 6)))
            lessons = [(lesson.title, lesson.body, [self.demo_question(question)
                                                   for question in lesson.questions],
                        list(lesson.links)) for lesson in spec.lessons]  # fmt: skip
            lessons += self.written_lessons(spec.language, spec.themes, len(lessons), count)
            module = self.module(spec.title, spec.slug, spec.summary, spec.language, spec.level,
                                 spec.estimated_minutes, spec.themes,
                                 originals.get(spec.translation_of or ""), lessons)  # fmt: skip
            originals.setdefault(spec.slug, module)
        for family in FAMILIES:
            count = rng.randint(4, 6)
            original = None
            for language, (title, summary) in family.versions.items():
                slug = family.slug if original is None else f"{family.slug}-{language}"
                lessons = self.written_lessons(language, family.themes, 0, count)
                module = self.module(title, slug, summary, language, family.level,
                                     family.minutes, family.themes, original, lessons)  # fmt: skip
                original = original or module

    def demo_question(self, question) -> tuple:
        return (question.text, question.explanation, list(question.choices), question.multiple)

    def written_lessons(self, language: str, themes, start: int, count: int) -> list[tuple]:
        rng = self.rng
        lessons = []
        for number in range(start, count):
            title = LESSON_TITLES[language][number % len(LESSON_TITLES[language])]
            points = "\n".join(f"- {texts.about(rng, language, list(themes), 1)}"
                               for _ in range(3))  # fmt: skip
            body = (
                f"{texts.about(rng, language, list(themes), 3)}\n\n"
                f"## {rng.choice(SUBHEADINGS[language])}\n\n{points}\n\n"
                f"{texts.about(rng, language, list(themes), 2)}\n"
            )
            pool = self.questions[language]
            questions = [self.demo_question(question) for question in
                         rng.sample(pool, min(len(pool), rng.choice((0, 1, 2, 2, 3))))]  # fmt: skip
            links = [rng.choice(LINKS)] if rng.random() < 0.4 else []
            lessons.append((title, body, questions, links))
        return lessons

    def module(
        self, title, slug, summary, language, level, minutes, themes, original, lessons
    ) -> int:
        rng = self.rng
        pk = self.new_id("module")
        published = random_moment(rng, datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
                                  datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC))  # fmt: skip
        self.rows["training_module"].append(
            (pk, title, slug, summary, language, level, minutes, PASS_MARK, None, original,
             ModuleStatus.PUBLISHED, published, published, published)
        )  # fmt: skip
        self.rows["membership_themeditem"] += [
            (pk, self.module_type, self.themes[name]) for name in themes if name in self.themes
        ]
        generated = GeneratedModule(pk, language, published, [], {})
        for position, (lesson_title, body, questions, links) in enumerate(lessons, start=1):
            lesson = self.new_id("lesson")
            generated.lessons.append(lesson)
            generated.questions[lesson] = len(questions)
            self.rows["training_lesson"].append((lesson, pk, lesson_title, body, position))
            for number, (link_title, url) in enumerate(links, start=1):
                self.rows["training_lessonlink"].append(
                    (self.new_id("link"), lesson, link_title, url, number)
                )
            for number, (text, explanation, choices, multiple) in enumerate(questions, start=1):
                question = self.new_id("question")
                kind = QuestionKind.MULTIPLE if multiple else QuestionKind.SINGLE
                self.rows["training_question"].append(
                    (question, lesson, text, kind, explanation, number)
                )
                self.rows["training_choice"] += [
                    (self.new_id("choice"), question, choice, correct, index)
                    for index, (choice, correct) in enumerate(choices, start=1)
                ]
            documents = self.documents[language]
            if documents and rng.random() < 0.5:
                self.rows["training_lesson_documents"] += [
                    (lesson, document) for document in rng.sample(documents, rng.randint(1, 2))
                ]
        self.modules.append(generated)
        return pk


class EnrolmentGenerator:
    """Who took which module, and how far they got."""

    def __init__(self, scale: Scale, modules: list[GeneratedModule]):
        self.scale = scale
        self.rng = rng_for("enrolments")
        self.modules = modules
        self.members = network.members_with_access()
        self.by_language: dict[str, list[network.MemberInfo]] = {}
        for member in self.members:
            self.by_language.setdefault(member.city.language, []).append(member)
        self.enrolments: list[tuple] = []
        self.completions: list[tuple] = []
        self.attempts: list[tuple] = []
        self.codes: set[str] = set()

    def targets(self) -> list[int]:
        """Enrolments per module: `scale.enrolments` in all, the popular modules (originals
        in English first) far more, never more than there are members."""
        order = sorted(self.modules, key=lambda module: (module.language != "en", module.pk))
        weights = {module.pk: 1 / (rank**0.7) for rank, module in enumerate(order, start=1)}
        total = sum(weights.values())
        ceiling = len(self.members)
        return [min(ceiling, math.floor(self.scale.enrolments * weights[module.pk] / total))
                for module in self.modules]  # fmt: skip

    def learners(self, module: GeneratedModule, count: int) -> list[network.MemberInfo]:
        rng = self.rng
        count = min(count, len(self.members))
        same = self.by_language.get(module.language, []) if module.language != "en" else []
        chosen = rng.sample(same, min(len(same), round(count * 0.7)))
        taken = {member.user_id for member in chosen}
        while len(chosen) < count:
            for member in rng.sample(self.members, count - len(chosen)):
                if member.user_id not in taken:
                    taken.add(member.user_id)
                    chosen.append(member)
        return chosen

    def generate(self, bench: network.MemberInfo) -> None:
        targets = self.targets()
        shortfall = self.scale.enrolments - sum(targets)
        english = [module for module in self.modules if module.language == "en"]
        bench_plan = {module.pk: done for module, done in zip(english, (1, 2, 1, None),
                                                              strict=False)}  # fmt: skip
        next_id = 1
        for index, (module, count) in enumerate(zip(self.modules, targets, strict=True)):
            if index < shortfall:
                count += 1  # the rounding's remainder, one each to the first modules
            for member in self.learners(module, count):
                self.enrol(next_id, module, member)
                next_id += 1
            if module.pk in bench_plan:
                self.enrol(next_id, module, bench, done=bench_plan[module.pk])
                next_id += 1

    def enrol(
        self, pk: int, module: GeneratedModule, member: network.MemberInfo, done: int | None = -1
    ) -> None:
        """One enrolment. `done`: lessons done (None: completed; -1: drawn at random)."""
        rng = self.rng
        lessons = module.lessons
        if done == -1:
            done = None if rng.random() < 0.35 else rng.choice(
                [0, 0, *range(1, len(lessons))])  # fmt: skip
        completed = done is None
        done = len(lessons) if completed else done
        enrolled = random_moment(rng, module.published_at,
                                 REFERENCE_TIME - datetime.timedelta(days=1))  # fmt: skip
        moment = enrolled
        correct_total = questions_total = 0
        for lesson in lessons[:done]:
            moment = min(moment + datetime.timedelta(minutes=rng.randint(10, 14_400)),
                         REFERENCE_TIME)  # fmt: skip
            self.completions.append((pk, lesson, moment))
            questions = module.questions[lesson]
            if questions:
                correct = questions if rng.random() < 0.75 else questions - 1
                correct_total += correct
                questions_total += questions
                self.attempts.append((pk, lesson, moment, correct, questions))
        score = certificate = completed_at = None
        if completed:
            score = round(100 * correct_total / questions_total) if questions_total else 100
            if score < PASS_MARK:  # retried until passed: the best attempts count
                score = 100
                for index in range(len(self.attempts) - 1, -1, -1):
                    if self.attempts[index][0] != pk:
                        break
                    attempt = self.attempts[index]
                    self.attempts[index] = (*attempt[:3], attempt[4], attempt[4])
            completed_at = moment
            certificate = self.certificate_code()
        last_lesson = lessons[min(done, len(lessons) - 1)] if done or rng.random() < 0.7 else None
        last_activity = moment if done else enrolled + datetime.timedelta(minutes=5)
        self.enrolments.append(
            (pk, member.user_id, module.pk, member.city.pk, enrolled, last_activity,
             last_lesson, completed_at, score, certificate)
        )  # fmt: skip

    def certificate_code(self) -> str:
        rng = self.rng
        while True:
            code = "-".join(
                "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
                for _ in range(CODE_GROUPS)
            )
            if code not in self.codes:
                self.codes.add(code)
                return code


def clear(cursor) -> None:
    content_type = ContentType.objects.get_for_model(Module).pk
    cursor.execute("DELETE FROM membership_themeditem WHERE content_type_id = %s", [content_type])
    cursor.execute("TRUNCATE training_module RESTART IDENTITY CASCADE")


def build(cursor, scale: Scale, log) -> dict[str, int]:
    content = ContentGenerator()
    content.generate()
    bench = network.bench_member()
    bench_info = network.MemberInfo(
        bench.user_id,
        next(city for city in network.ranked_cities() if city.pk == bench.city_id),
    )
    learning = EnrolmentGenerator(scale, content.modules)
    learning.generate(bench_info)
    log(f"  training generated: {len(content.modules)} modules, "
        f"{len(learning.enrolments):,} enrolments")  # fmt: skip
    columns = {
        "training_module": MODULE_COLUMNS,
        "training_lesson": ("id", "module_id", "title", "body", "position"),
        "training_lessonlink": ("id", "lesson_id", "title", "url", "position"),
        "training_question": ("id", "lesson_id", "text", "kind", "explanation", "position"),
        "training_choice": ("id", "question_id", "text", "is_correct", "position"),
        "training_lesson_documents": ("lesson_id", "document_id"),
        "membership_themeditem": ("object_id", "content_type_id", "tag_id"),
    }
    counts = {table: copy_rows(cursor, table, columns[table], content.rows[table])
              for table in columns}  # fmt: skip
    with indexes_dropped(cursor, ["training_enrolment", "training_lessoncompletion",
                                  "training_quizattempt"]):  # fmt: skip
        counts["training_enrolment"] = copy_rows(
            cursor, "training_enrolment", ENROLMENT_COLUMNS, learning.enrolments
        )
        counts["training_lessoncompletion"] = copy_rows(
            cursor, "training_lessoncompletion", ("enrolment_id", "lesson_id", "completed_at"),
            learning.completions,
        )  # fmt: skip
        counts["training_quizattempt"] = copy_rows(
            cursor, "training_quizattempt",
            ("enrolment_id", "lesson_id", "submitted_at", "correct", "total"), learning.attempts,
        )  # fmt: skip
    for table in ("training_module", "training_lesson", "training_lessonlink",
                  "training_question", "training_choice", "training_enrolment"):  # fmt: skip
        sync_sequence(cursor, table)
    return counts
