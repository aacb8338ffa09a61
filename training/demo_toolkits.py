"""The demo toolkits of the three demo working groups (membership.demo).

Items name demo library documents by title (skipped when absent), organisation home pages,
and short texts; the "member cities" section also gets the published city initiatives
tagged with the group's themes, when there are any.
"""

from dataclasses import dataclass

from training.choices import ItemKind, SectionKind
from training.demo_content import (
    GCTF_SITE,
    GIFCT_SITE,
    HEDAYAH_SITE,
    ISD_SITE,
    RAN_SITE,
    SCN_SITE,
    TECH_AGAINST_TERRORISM_SITE,
)


@dataclass(frozen=True)
class DemoItem:
    """kind is an ItemKind: DOCUMENT (value: a library title), LINK (title and value: the
    url) or TEXT (value: the text; title optional)."""

    kind: str
    value: str
    title: str = ""
    note: str = ""


@dataclass(frozen=True)
class DemoSection:
    kind: str
    introduction: str
    items: tuple[DemoItem, ...]
    initiatives: bool = False  # add the city initiatives tagged with the group's themes


@dataclass(frozen=True)
class DemoToolkit:
    working_group: str  # slug
    introduction: str
    sections: tuple[DemoSection, ...]


def document(title: str, note: str = "") -> DemoItem:
    return DemoItem(ItemKind.DOCUMENT, title, note=note)


def link(title: str, url: str, note: str = "") -> DemoItem:
    return DemoItem(ItemKind.LINK, url, title=title, note=note)


def text(body: str, title: str = "") -> DemoItem:
    return DemoItem(ItemKind.TEXT, body, title=title)


YOUTH_AND_FAMILIES = DemoToolkit(
    working_group="youth-and-families",
    introduction="""\
This toolkit gathers what the **Youth and families** working group has found useful when
working with young people at risk of being drawn into hate or violence, and with their
families.

- Start with the **background research** for the main ideas.
- Read the **case studies** for programmes you could adapt.
- See what **member cities** are doing, and ask the SCN team to put you in touch.

The training module *Individual interventions* goes with this toolkit.
""",
    sections=(
        DemoSection(
            kind=SectionKind.BACKGROUND,
            introduction="Research on what draws young people in, and what protects them.",
            items=(
                document("Engagement des jeunes et prévention de l'extrémisme violent à Dakar"),
                document(
                    "Assessing Risk among Young People in Malé: A Framework for Practitioners"
                ),
                document("Youth-Led Counter-Narrative Campaigns: What Works"),
            ),
        ),
        DemoSection(
            kind=SectionKind.INTEREST,
            introduction="Short pieces and starting points for discussion in your team.",
            items=(
                text(
                    "Families are often the first to notice a change in a young person, and "
                    "the most affected by it. Treat parents and siblings as partners, not "
                    "suspects: offer them confidential advice and support of their own, and "
                    "help them keep the relationship alive even through disagreement.",
                    title="Families as partners",
                ),
                text(
                    "A mentor is a trusted adult who meets a young person regularly, listens, "
                    "challenges and helps with practical problems. Mentors need careful "
                    "selection, training and supervision, and someone to turn to when they "
                    "are worried.",
                    title="What makes mentoring work",
                ),
                link(
                    "EU Radicalisation Awareness Network (RAN)",
                    RAN_SITE,
                    note="Practitioner papers on youth work, families and exit work.",
                ),
            ),
        ),
        DemoSection(
            kind=SectionKind.CASE_STUDIES,
            introduction="Programmes from several regions, with what they learned.",
            items=(
                document("The Aarhus Model: Early Prevention and Exit Support for Young People"),
                document("From Gang Violence to Youth Leadership: Lessons from Medellín and Cali"),
                document(
                    "Supporting Families Affected by Radicalisation: A Guide from Minneapolis"
                ),
                document("Bringing Families Home: Reintegration of Returnees in Peja"),
            ),
        ),
        DemoSection(
            kind=SectionKind.MEMBER_CITIES,
            introduction=(
                "Work by member cities of the network. Ask the SCN team for an introduction "
                "to the people behind it."
            ),
            items=(
                document("Mid-term Evaluation of the Mombasa Youth Mentoring Programme"),
                document("إشراك الشباب في العمل البلدي: تجربة صيدا"),
                document("تقييم برنامج الإرشاد للشباب في مدينة الزرقاء"),
                link("Strong Cities Network", SCN_SITE, note="News and resources from members."),
            ),
            initiatives=True,
        ),
    ),
)

ONLINE_HARMS = DemoToolkit(
    working_group="online-harms",
    introduction="""\
The **Online harms** working group looks at hate and extremist content online, and at how
cities can answer it: with communication campaigns, media literacy in schools and youth
work, and partnerships with technology companies.

Online and offline harms are connected: most of what a city can do happens offline, with
the young people, families and communities who also spend their time online.

The training module *Counter-narrative campaigns* goes with this toolkit.
""",
    sections=(
        DemoSection(
            kind=SectionKind.BACKGROUND,
            introduction="Research and analysis of extremist and hateful content online.",
            items=(
                document("Extremism on Gaming Platforms: A Nordic Exchange"),
                document("خطاب الكراهية في الفضاء الرقمي العربي: دراسة تحليلية"),
                document("Discours de haine en ligne au Liban : analyse et recommandations"),
                link(
                    "Institute for Strategic Dialogue (ISD)",
                    ISD_SITE,
                    note="Research on online extremism, hate and disinformation.",
                ),
            ),
        ),
        DemoSection(
            kind=SectionKind.INTEREST,
            introduction="Organisations that work with technology companies.",
            items=(
                link(
                    "Global Internet Forum to Counter Terrorism (GIFCT)",
                    GIFCT_SITE,
                    note="Founded by technology companies to counter terrorist content online.",
                ),
                link(
                    "Tech Against Terrorism",
                    TECH_AGAINST_TERRORISM_SITE,
                    note="Support for smaller platforms on terrorist use of the internet.",
                ),
                text(
                    "Before a campaign, ask whether it could amplify the content it answers. "
                    "Reposting or quoting extremist material, even to criticise it, can bring "
                    "it a new audience.",
                    title="Do not amplify",
                ),
            ),
        ),
        DemoSection(
            kind=SectionKind.CASE_STUDIES,
            introduction="Strategies and guides that cities have used.",
            items=(
                document("Countering Online Hate in Dhaka: A Municipal Communications Strategy"),
                document(
                    "Working with Technology Companies against Online Hate: A Guide for Cities"
                ),
                document(
                    "Safeguarding Young People from Online Radicalisation: A Guide for Schools"
                ),
            ),
        ),
        DemoSection(
            kind=SectionKind.MEMBER_CITIES,
            introduction="Training and guidance produced in member cities.",
            items=(
                document(
                    "Contre-discours et éducation aux médias : module de formation pour les "
                    "animateurs jeunesse de Yaoundé"
                ),
                document("حماية اليافعين من التطرف عبر الإنترنت: دليل للأهالي والمربين"),
                document("الاتصال الاستراتيجي والخطابات البديلة على المستوى المحلي"),
                text(
                    "Has your city run a campaign or a media literacy programme? Upload the "
                    "plan or the evaluation to the library and tell the working group.",
                    title="Share your work",
                ),
            ),
            initiatives=True,
        ),
    ),
)

PREVENTION_NETWORKS = DemoToolkit(
    working_group="prevention-networks",
    introduction="""\
The **Prevention networks** working group brings together cities that build multi-agency
prevention: local government, schools, social and health services, police, and civil
society working to one local action plan.

Use this toolkit to prepare or review a local action plan, to set up a case panel, or to
choose indicators for monitoring and evaluation.
""",
    sections=(
        DemoSection(
            kind=SectionKind.BACKGROUND,
            introduction="Mapping, planning and measuring local prevention.",
            items=(
                document("Mapping Local Prevention Capacities in the Western Balkans"),
                document("Indicator Framework for Local Prevention Action Plans"),
                document(
                    "Monitoring and Evaluation for Local Prevention Programmes: A Short Handbook"
                ),
                link(
                    "EU Radicalisation Awareness Network (RAN)",
                    RAN_SITE,
                    note="Papers on multi-agency work and local strategies.",
                ),
            ),
        ),
        DemoSection(
            kind=SectionKind.INTEREST,
            introduction="Networks and centres that publish guidance for local governments.",
            items=(
                link("Strong Cities Network", SCN_SITE),
                link(
                    "Hedayah",
                    HEDAYAH_SITE,
                    note="An international centre of excellence for countering violent extremism.",
                ),
                link(
                    "Global Counterterrorism Forum (GCTF)",
                    GCTF_SITE,
                    note="Good-practice documents, including on local prevention.",
                ),
                text(
                    "A prevention network works when each partner knows its role, information "
                    "is shared only when necessary and on a legal basis, and the support "
                    "offered is kept separate from criminal investigation.",
                    title="Three conditions for a working network",
                ),
            ),
        ),
        DemoSection(
            kind=SectionKind.CASE_STUDIES,
            introduction="Multi-agency prevention in practice.",
            items=(
                document("Ten Years of Multi-Agency Prevention in Kristiansand"),
                document("Anchor Teams: Multi-Agency Work with Young People in Helsinki"),
                document("Evaluating Municipal Community Safety Councils in Kosovo"),
            ),
        ),
        DemoSection(
            kind=SectionKind.MEMBER_CITIES,
            introduction="Local action plans of member cities.",
            items=(
                document("Plan local de prévention de la radicalisation de Bordeaux 2021-2025"),
                document("خطة العمل المحلية لمنع التطرف العنيف في مدينة طرابلس 2019-2022"),
                document(
                    "Mombasa County Action Plan for Preventing and Countering Violent "
                    "Extremism 2022-2026"
                ),
                document(
                    "Local Action Plan for the Prevention of Violent Extremism, Municipality "
                    "of Tetovo 2019-2022"
                ),
            ),
            initiatives=True,
        ),
    ),
)

DEMO_TOOLKITS = (YOUTH_AND_FAMILIES, ONLINE_HARMS, PREVENTION_NETWORKS)
