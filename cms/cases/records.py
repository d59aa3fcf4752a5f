"""The case register: one record per idea or problem brought to Idéslussen.

A case record is data, not a page (a snippet curated by the communicator): it has drafts,
revisions, locking and a workflow so the communicator can prepare changes and publish them
when checked. Three things are kept apart on purpose: *phase* (where the case is),
*outcome* (how it ended, only when closed) and *publication level* (what may be shown
outside the CMS).
"""

import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from cms.core.models import SwedishSlugMixin
from cms.core.paths import RESERVED_CASE_SLUGS
from cms.core.preview import SitePreviewMixin
from swedish import swedish_slugify

from .choices import (
    InnovationType,
    Method,
    Origin,
    Outcome,
    Phase,
    PublicationLevel,
    TargetGroup,
)
from .fields import ChoiceListField
from .record_parts import CasePhaseChange, not_in_future

CASE_ID_RE = re.compile(r"^IS-(\d{4})-(\d{3})$")
# Outcomes that mean someone else carries the case on.
HANDOVER_OUTCOMES = {Outcome.OVERLAMNAT, Outcome.HITTAT_HEM}


class RetiredCaseId(models.Model):
    """Ids of deleted case records. An id is never given to another case."""

    case_id = models.CharField("Id", max_length=20, unique=True)
    title = models.CharField("Rubrik", max_length=255)
    retired_at = models.DateTimeField("Borttaget", auto_now_add=True)

    class Meta:
        verbose_name = "Använt case-id"
        verbose_name_plural = "Använda case-id"

    def __str__(self):
        return self.case_id


class CaseRecordQuerySet(models.QuerySet):
    def public(self):
        """Records whose live version may be shown outside the CMS: published (``live``;
        only the live row is ever read, never a revision) and not ``intern``. Every
        endpoint, the statistics and the media walk use this one rule."""
        return self.filter(live=True).exclude(publication_level=PublicationLevel.INTERN)


class CaseRecord(
    SwedishSlugMixin,
    SitePreviewMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """One idea or problem brought to Idéslussen, as the register holds it; previewed as
    its page on the site (``SitePreviewMixin``)."""

    # Identity
    case_id = models.CharField(
        "Id",
        max_length=20,
        unique=True,
        validators=[RegexValidator(CASE_ID_RE, "Id ska ha formen IS-ÅÅÅÅ-NNN, t.ex. IS-2019-031.")],
        help_text="Stabilt id, t.ex. IS-2019-031. Ändras aldrig och återanvänds aldrig.",
    )
    title = models.CharField("Rubrik", max_length=255)
    slug = models.SlugField(
        "Slug",
        max_length=255,
        unique=True,
        blank=True,
        help_text="Del av webbadressen. Skapas från rubriken om fältet är tomt.",
    )
    summary = models.TextField(
        "Ingress", max_length=600, help_text="Sammanfatta caset på två–tre meningar."
    )
    publication_level = models.CharField(
        "Publiceringsnivå",
        max_length=20,
        choices=PublicationLevel.choices,
        default=PublicationLevel.INTERN,
        help_text="Intern: visas aldrig utanför CMS:et. Anonymiserad: personer bara med roll. "
        "Publik: namn visas där personen har samtyckt.",
    )

    # Context
    received_date = models.DateField("Inkommet", help_text="Datum då idén kom in.")
    origin = models.CharField("Ursprung", max_length=20, choices=Origin.choices)
    home_organisation = models.ForeignKey(
        "core.Organisation",
        verbose_name="Hemvist",
        on_delete=models.PROTECT,
        related_name="home_cases",
        help_text="Den organisation där idén har sin hemvist.",
    )
    participating_organisations = ParentalManyToManyField(
        "core.Organisation",
        verbose_name="Deltagande organisationer",
        blank=True,
        related_name="participating_cases",
    )
    challenge = models.TextField("Utmaning", help_text="Behovet eller problemet, inte lösningen.")
    target_groups = ChoiceListField("Målgrupper", choices_enum=TargetGroup)
    innovation_types = ChoiceListField("Innovationstyp", choices_enum=InnovationType)
    topics = ParentalManyToManyField(
        "core.Topic", verbose_name="Ämnen", blank=True, related_name="cases"
    )
    sdgs = ParentalManyToManyField(
        "core.SustainableDevelopmentGoal",
        verbose_name="Globala mål (Agenda 2030)",
        blank=True,
        related_name="cases",
    )

    # Process
    phase = models.CharField(
        "Fas",
        max_length=20,
        choices=Phase.choices,
        default=Phase.INKOMMEN,
        help_text="Var caset är nu. Ett byte av fas förs in i fashistoriken.",
    )
    paused = models.BooleanField("Pausat", default=False)
    outcome = models.CharField(
        "Utfall",
        max_length=20,
        choices=Outcome.choices,
        blank=True,
        help_text="Hur caset avslutades. Anges endast när fasen är Avslutad.",
    )
    taken_over_by = models.ForeignKey(
        "core.Organisation",
        verbose_name="Övertaget av",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="taken_over_cases",
        help_text="Verksamhet eller aktör som tog över caset.",
    )
    methods = ChoiceListField("Metoder", choices_enum=Method)
    team_size = models.PositiveSmallIntegerField(
        "Antal i teamet",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )

    # People (personal data)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Idécoach",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coached_cases",
    )
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Kontaktperson",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_cases",
    )

    # Results
    results = models.TextField("Resultat", blank=True, help_text="Förväntade resultat går bra.")
    measured_effects = models.TextField("Uppmätta effekter", blank=True)
    challenges_met = models.TextField("Utmaningar på vägen", blank=True)
    lessons = models.TextField("Lärdomar", blank=True)
    spread = models.TextField("Spridning till andra organisationer", blank=True)
    next_steps = models.TextField("Nästa steg", blank=True)
    internal_notes = models.TextField(
        "Interna anteckningar",
        blank=True,
        help_text="Visas aldrig utanför CMS:et.",
    )

    created_at = models.DateTimeField("Skapad", auto_now_add=True)
    updated_at = models.DateTimeField("Ändrad", auto_now=True)

    objects = CaseRecordQuerySet.as_manager()

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="caserecord")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="caserecord",
        for_concrete_model=False,
    )

    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("challenge"),
        index.AutocompleteField("title"),
        index.FilterField("case_id"),
        index.FilterField("phase"),
        index.FilterField("publication_level"),
    ]

    class Meta:
        # Lower case, as Django expects (the admin capitalises where a sentence starts):
        # "ett case", plural "case" ("Byt case", "Det finns inga case att visa").
        verbose_name = "case"
        verbose_name_plural = "case"
        ordering = ["-received_date", "case_id"]
        indexes = [models.Index(fields=["phase"]), models.Index(fields=["received_date"])]

    def __str__(self):
        return f"{self.case_id} {self.title}"

    @property
    def revisions(self):
        return self._revisions

    # Validation -------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}

        if self.case_id:
            retired = RetiredCaseId.objects.filter(case_id=self.case_id)
            if retired.exists():
                errors["case_id"] = (
                    f"Id {self.case_id} har använts av ett borttaget case och kan inte "
                    "återanvändas."
                )
            elif self.pk:
                stored = (
                    CaseRecord.objects.filter(pk=self.pk).values_list("case_id", flat=True).first()
                )
                if stored and stored != self.case_id:
                    errors["case_id"] = f"Id kan inte ändras (caset har id {stored})."

        try:
            not_in_future(self.received_date, "Inkommet")
        except ValidationError as e:
            errors["received_date"] = e.messages[0]

        if self.phase == Phase.AVSLUTAD and not self.outcome:
            errors["outcome"] = "Ange utfall när fasen är Avslutad."
        elif self.phase != Phase.AVSLUTAD and self.outcome:
            errors["outcome"] = "Utfall anges bara när fasen är Avslutad. Töm fältet eller byt fas."

        if self.slug in RESERVED_CASE_SLUGS:
            errors["slug"] = (
                f"”{self.slug}” används av webbplatsens caseportal. Välj en annan slug."
            )

        if self.outcome in HANDOVER_OUTCOMES and not self.taken_over_by_id:
            errors["taken_over_by"] = "Ange vem som tog över caset."

        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = swedish_slugify(self.title)
        # The phase history always ends in the current phase: a phase change made in the
        # form is recorded with today's date unless the editor already added a row for it.
        if not kwargs.get("update_fields"):
            history = sorted(self.phase_history.all(), key=lambda h: (h.date, h.sort_order or 0))
            if not history or history[-1].phase != self.phase:
                self.phase_history.add(
                    CasePhaseChange(
                        phase=self.phase, date=timezone.localdate(), sort_order=len(history)
                    )
                )
        super().save(*args, **kwargs)

    # Helpers ----------------------------------------------------------------------------

    @property
    def is_public(self) -> bool:
        return self.publication_level != PublicationLevel.INTERN

    def phase_on(self, date):
        """The phase this case was in at the end of ``date``, or None if not yet received."""
        if self.received_date > date:
            return None
        current = Phase.INKOMMEN
        for change in sorted(self.phase_history.all(), key=lambda h: (h.date, h.sort_order or 0)):
            if change.date <= date:
                current = change.phase
        return current

    @classmethod
    def next_case_id(cls, year: int) -> str:
        """The next free id for ``year``, skipping ids that were ever used."""
        prefix = f"IS-{year}-"
        used = set(cls.objects.filter(case_id__startswith=prefix).values_list("case_id", flat=True))
        used |= set(
            RetiredCaseId.objects.filter(case_id__startswith=prefix).values_list(
                "case_id", flat=True
            )
        )
        numbers = [int(CASE_ID_RE.match(i).group(2)) for i in used if CASE_ID_RE.match(i)]
        return f"{prefix}{(max(numbers, default=0) + 1):03d}"

    # Admin ------------------------------------------------------------------------------

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("case_id"), FieldPanel("received_date")]),
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("publication_level"),
                    FieldPanel("origin"),
                    FieldPanel("home_organisation"),
                    FieldPanel("participating_organisations"),
                    FieldPanel("challenge"),
                    FieldPanel("target_groups"),
                    FieldPanel("innovation_types"),
                    FieldPanel("topics"),
                    FieldPanel("sdgs"),
                ],
                heading="Grunduppgifter",
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("phase"), FieldPanel("paused")]),
                    InlinePanel("phase_history", heading="Fashistorik", label="Fasbyte"),
                    FieldRowPanel([FieldPanel("outcome"), FieldPanel("taken_over_by")]),
                    FieldPanel("methods"),
                    FieldPanel("team_size"),
                    InlinePanel("partners", heading="Partner", label="Partner"),
                    InlinePanel("solutions", heading="Lösningsförslag", label="Lösningsförslag"),
                    InlinePanel(
                        "research_projects", heading="Forskningsprojekt", label="Forskningsprojekt"
                    ),
                ],
                heading="Process",
            ),
            ObjectList(
                [
                    InlinePanel("idea_carriers", heading="Idébärare", label="Idébärare"),
                    FieldRowPanel([FieldPanel("coach"), FieldPanel("contact")]),
                ],
                heading="Personer",
            ),
            ObjectList(
                [
                    FieldPanel("results"),
                    FieldPanel("measured_effects"),
                    FieldPanel("challenges_met"),
                    FieldPanel("lessons"),
                    FieldPanel("spread"),
                    FieldPanel("next_steps"),
                    MultiFieldPanel([FieldPanel("internal_notes")], heading="Internt"),
                ],
                heading="Resultat",
            ),
        ]
    )
