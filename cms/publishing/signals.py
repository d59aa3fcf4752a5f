"""What makes the site rebuild: Wagtail's audit log, read as it is written.

Every change that reaches the public site is an action Wagtail logs, with who did it:
publishing, unpublishing, moving or deleting a page; publishing, unpublishing or deleting a
case record; scheduled go-live and expiry (``hub worker`` runs ``publish_scheduled``);
editing or deleting a taxonomy, the site settings, or an image or document that public
content uses. Each of those log entries asks for a build (``builds.request_build``), which
runs after the transaction commits. Drafts, locks, comments and the like are logged too,
and change nothing on the site.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, PageLogEntry

from cms.api.media import public_documents, public_images
from cms.cases.models import CaseRecord
from cms.core.models import HubSettings, Organisation, SustainableDevelopmentGoal, Topic

from .builds import request_build

#: Log actions that change what the site shows, in the words of the build history.
DONE = {
    "wagtail.publish": "publicerades",
    "wagtail.publish.scheduled": "publicerades enligt schema",
    "wagtail.unpublish": "avpublicerades",
    "wagtail.unpublish.scheduled": "avpublicerades när publiceringstiden gick ut",
    "wagtail.move": "flyttades",
    "wagtail.delete": "raderades",
    "wagtail.create": "skapades",
    "wagtail.edit": "ändrades",
}
PAGE_ACTIONS = {
    "wagtail.publish",
    "wagtail.publish.scheduled",
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.move",
    "wagtail.delete",
}
RECORD_ACTIONS = PAGE_ACTIONS - {"wagtail.move"}
EDIT_ACTIONS = {"wagtail.edit", "wagtail.delete"}


def _model_actions(model) -> set[str]:
    """The logged actions on an instance of ``model`` that can change the site."""
    if model is CaseRecord:
        return RECORD_ACTIONS
    if model is HubSettings:
        return {"wagtail.create", "wagtail.edit"}
    if model in (Organisation, Topic, SustainableDevelopmentGoal):
        return EDIT_ACTIONS
    if model in (get_image_model(), get_document_model()):
        return EDIT_ACTIONS
    return set()


@receiver(post_save, sender=PageLogEntry, dispatch_uid="publishing_page_log")
def page_logged(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.action in PAGE_ACTIONS:
        request_build(f"Sidan ”{instance.label}” {DONE[instance.action]}", instance.user)


@receiver(post_save, sender=ModelLogEntry, dispatch_uid="publishing_model_log")
def model_logged(sender, instance, created, raw=False, **kwargs):
    if not created or raw or instance.content_type is None:
        return
    model = instance.content_type.model_class()
    if instance.action not in _model_actions(model):
        return
    if not _shown_on_site(model, instance.object_id):
        return
    kind = model._meta.verbose_name
    request_build(
        f"{kind[:1].upper()}{kind[1:]} ”{instance.label}” {DONE[instance.action]}", instance.user
    )


def _shown_on_site(model, object_id: str) -> bool:
    """Whether a change to this object can change the site: images and documents only when
    public content uses them (asked before a deletion, while the object is still there)."""
    if model is get_image_model():
        return public_images().filter(pk=object_id).exists()
    if model is get_document_model():
        return public_documents().filter(pk=object_id).exists()
    return True
