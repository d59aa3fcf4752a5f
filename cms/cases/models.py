"""The models of the cases app: the register (``records``, ``record_parts``) and the case
story pages (``pages``), collected here where Django and Wagtail look for them."""

from .pages import CaseStoryIndexPage, CaseStoryPage
from .record_parts import (
    CasePartner,
    CasePhaseChange,
    CaseResearchProject,
    CaseSolution,
    IdeaCarrier,
)
from .records import CASE_ID_RE, HANDOVER_OUTCOMES, CaseRecord, CaseRecordQuerySet, RetiredCaseId

__all__ = [
    "CASE_ID_RE",
    "HANDOVER_OUTCOMES",
    "CasePartner",
    "CasePhaseChange",
    "CaseRecord",
    "CaseRecordQuerySet",
    "CaseResearchProject",
    "CaseSolution",
    "CaseStoryIndexPage",
    "CaseStoryPage",
    "IdeaCarrier",
    "RetiredCaseId",
]
