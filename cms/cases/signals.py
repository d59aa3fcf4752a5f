"""Keep deleted case ids so they are never given to another case."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import CaseRecord, RetiredCaseId


@receiver(post_delete, sender=CaseRecord, dispatch_uid="retire_case_id")
def retire_case_id(sender, instance, **kwargs):
    RetiredCaseId.objects.get_or_create(
        case_id=instance.case_id, defaults={"title": instance.title[:255]}
    )
