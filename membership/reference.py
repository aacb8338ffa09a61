"""The network's reference data: regions, the thematic vocabulary and the member cities.

Loaded by `manage.py load_reference_data`, idempotently: rows are created when missing and
never overwritten, so edits made by staff in the admin survive every later load.
"""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from membership.choices import CityStatus, SeatRole
from membership.models import AdvisoryGroup, City, Region, SteeringCommitteeSeat, Theme

MEMBER_CITIES_CSV = Path(__file__).resolve().parent / "data" / "member_cities.csv"

# English name -> (French, Arabic). The regions of shared/data/member_cities.csv.
REGIONS = {
    "Europe": ("Europe", "أوروبا"),
    "Western Balkans": ("Balkans occidentaux", "غرب البلقان"),
    "Middle East and North Africa": (
        "Moyen-Orient et Afrique du Nord",
        "الشرق الأوسط وشمال أفريقيا",
    ),
    "West Africa": ("Afrique de l'Ouest", "غرب أفريقيا"),
    "East Africa": ("Afrique de l'Est", "شرق أفريقيا"),
    "South Asia": ("Asie du Sud", "جنوب آسيا"),
    "North America": ("Amérique du Nord", "أمريكا الشمالية"),
    "Latin America and the Caribbean": (
        "Amérique latine et Caraïbes",
        "أمريكا اللاتينية والكاريبي",
    ),
    "Asia-Pacific": ("Asie-Pacifique", "آسيا والمحيط الهادئ"),
}

# The thematic areas of DOMAIN.md: English name -> (French, Arabic).
THEMES = {
    "Local action planning": ("Plans d'action locaux", "التخطيط للعمل المحلي"),
    "Risk assessment": ("Évaluation des risques", "تقييم المخاطر"),
    "Prevention networks (multi-agency)": (
        "Réseaux de prévention (multi-agences)",
        "شبكات الوقاية (متعددة الجهات)",
    ),
    "Youth engagement": ("Engagement des jeunes", "إشراك الشباب"),
    "Counter-narratives and strategic communications": (
        "Contre-discours et communication stratégique",
        "الخطابات المضادة والاتصال الاستراتيجي",
    ),
    "Interventions and referral": ("Interventions et orientation", "التدخلات والإحالة"),
    "Mentoring": ("Mentorat", "الإرشاد"),
    "Deradicalisation, disengagement, rehabilitation and reintegration": (
        "Déradicalisation, désengagement, réhabilitation et réintégration",
        "اجتثاث التطرف وفك الارتباط وإعادة التأهيل وإعادة الإدماج",
    ),
    "Hate crime and hate speech": ("Crimes et discours de haine", "جرائم الكراهية وخطاب الكراهية"),
    "Polarisation and social cohesion": (
        "Polarisation et cohésion sociale",
        "الاستقطاب والتماسك الاجتماعي",
    ),
    "Online extremism": ("Extrémisme en ligne", "التطرف عبر الإنترنت"),
    "Gender and women's participation": (
        "Genre et participation des femmes",
        "النوع الاجتماعي ومشاركة المرأة",
    ),
    "Education and schools": ("Éducation et écoles", "التعليم والمدارس"),
    "Religious and community leaders": (
        "Responsables religieux et communautaires",
        "القادة الدينيون وقادة المجتمع",
    ),
    "Psychosocial support": ("Soutien psychosocial", "الدعم النفسي والاجتماعي"),
    "Policing and community engagement": (
        "Police et engagement communautaire",
        "الشرطة والتواصل مع المجتمع",
    ),
    "Public-private partnerships": (
        "Partenariats public-privé",
        "الشراكات بين القطاعين العام والخاص",
    ),
    "Monitoring and evaluation": ("Suivi et évaluation", "الرصد والتقييم"),
}


@dataclass
class LoadReport:
    """What one load changed: created rows per kind, and rows already there."""

    created: dict[str, int] = field(default_factory=dict)
    existing: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        bucket = self.created if created else self.existing
        bucket[kind] = bucket.get(kind, 0) + 1


@dataclass(frozen=True)
class CityRow:
    name: str
    country_code: str
    region: str
    steering_committee: bool
    latitude: str
    longitude: str


def read_member_cities(path: Path = MEMBER_CITIES_CSV) -> list[CityRow]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            CityRow(
                name=row["name"].strip(),
                country_code=row["country_code"].strip().upper(),
                region=row["region"].strip(),
                steering_committee=row["steering_committee"].strip().lower() == "yes",
                latitude=row["latitude"].strip(),
                longitude=row["longitude"].strip(),
            )
            for row in csv.DictReader(handle)
        ]


def unique_city_slug(name: str, country_code: str) -> str:
    """`bihac`, or `bihac-ba` when another country already has a city of that name."""
    slug = slugify(name) or "city"
    if City.objects.filter(slug=slug).exists():
        slug = f"{slug}-{country_code.lower()}"
    return slug


def load_regions(report: LoadReport, names) -> dict[str, Region]:
    regions = {}
    for name in names:
        french, arabic = REGIONS.get(name, ("", ""))
        region, created = Region.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "name_fr": french, "name_ar": arabic}
        )
        report.count("regions", created)
        regions[name] = region
    return regions


def load_themes(report: LoadReport) -> None:
    for name, (french, arabic) in THEMES.items():
        _theme, created = Theme.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "name_fr": french, "name_ar": arabic}
        )
        report.count("themes", created)


def load_cities(report: LoadReport, rows: list[CityRow], regions: dict[str, Region]) -> None:
    for row in rows:
        city = City.objects.filter(name=row.name, country=row.country_code).first()
        created = city is None
        if created:
            City.objects.create(
                name=row.name,
                slug=unique_city_slug(row.name, row.country_code),
                country=row.country_code,
                region=regions[row.region],
                status=CityStatus.ACTIVE,
                latitude=row.latitude or None,
                longitude=row.longitude or None,
            )
        report.count("cities", created)


# The reference list says which cities sat on the Steering Committee in 2019, and no more:
# their seats are recorded for that year only, for staff to extend with the real terms.
STEERING_COMMITTEE_TERM = (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
STEERING_COMMITTEE_NOTE = "Listed in the network's 2019 member list."


def load_steering_committee(report: LoadReport, rows: list[CityRow]) -> None:
    start, end = STEERING_COMMITTEE_TERM
    for row in rows:
        if not row.steering_committee:
            continue
        city = City.objects.get(name=row.name, country=row.country_code)
        created = not SteeringCommitteeSeat.objects.filter(city=city, term_start=start).exists()
        if created:
            seat = SteeringCommitteeSeat(
                city=city, term_start=start, term_end=end, role=SeatRole.MEMBER,
                note=STEERING_COMMITTEE_NOTE,
            )  # fmt: skip
            seat.full_clean()  # the cap of 25 seats holds for reference data too
            seat.save()
        report.count("steering committee seats", created)


def load_advisory_groups(report: LoadReport, regions: dict[str, Region]) -> None:
    """One Regional Advisory Group per region, with no members yet."""
    for region in regions.values():
        _group, created = AdvisoryGroup.objects.get_or_create(region=region)
        report.count("advisory groups", created)


@transaction.atomic
def load_reference_data(cities_csv: Path = MEMBER_CITIES_CSV) -> LoadReport:
    """Create the regions, themes and member cities that are missing. Changes nothing else."""
    report = LoadReport()
    rows = read_member_cities(cities_csv)
    region_names = list(REGIONS) + [row.region for row in rows if row.region not in REGIONS]
    regions = load_regions(report, dict.fromkeys(region_names))
    load_themes(report)
    load_cities(report, rows, regions)
    load_steering_committee(report, rows)
    load_advisory_groups(report, regions)
    return report
