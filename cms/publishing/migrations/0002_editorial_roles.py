"""Editorial roles: Kommunikatörer and Idécoacher replace Wagtail's default groups.

- Kommunikatörer create, edit and publish everything: all pages, the case register and its
  taxonomies, newsletter issues, programme pages, site settings, images and documents.
- Idécoacher create, edit and publish good examples and inspiration articles (page
  permissions on those two sections only), upload and choose images and documents, and may
  only view the case register.

Wagtail's "Moderators" and "Editors" groups are renamed to these and their permissions
reset, so the admin shows only the two roles that exist here. Permissions are created here
if Django's post_migrate has not yet created them (a fresh database).
"""

from django.db import migrations

COMMUNICATORS = "Kommunikatörer"
COACHES = "Idécoacher"

PAGE_ACTIONS_ALL = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
PAGE_ACTIONS_COACH = ["add", "change", "publish", "lock", "unlock"]
SNIPPET_FULL = ["add", "change", "delete", "view"]
REGISTER_FULL = SNIPPET_FULL + ["publish", "lock", "unlock"]

COMMUNICATOR_MODEL_PERMS = {
    ("cases", "caserecord"): REGISTER_FULL,
    ("core", "organisation"): SNIPPET_FULL,
    ("core", "topic"): SNIPPET_FULL,
    ("core", "sustainabledevelopmentgoal"): SNIPPET_FULL,
    ("core", "hubsettings"): ["change"],
    ("wagtailredirects", "redirect"): ["add", "change", "delete"],
    ("wagtailadmin", "admin"): ["access"],
}
COACH_MODEL_PERMS = {
    ("cases", "caserecord"): ["view"],
    ("core", "organisation"): ["view"],
    ("core", "topic"): ["view"],
    ("core", "sustainabledevelopmentgoal"): ["view"],
    ("wagtailadmin", "admin"): ["access"],
}
COLLECTION_PERMS = {
    COMMUNICATORS: {
        ("wagtailimages", "image"): ["add", "change", "choose", "delete"],
        ("wagtaildocs", "document"): ["add", "change", "choose", "delete"],
    },
    COACHES: {
        ("wagtailimages", "image"): ["add", "change", "choose"],
        ("wagtaildocs", "document"): ["add", "change", "choose"],
    },
}
COACH_SECTIONS = [("cases", "casestoryindexpage"), ("articles", "inspirationindexpage")]


def _perm(apps, app_label, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    codename = "access_admin" if (app_label, model) == ("wagtailadmin", "admin") else (
        f"{action}_{model}"
    )
    perm, _ = Permission.objects.get_or_create(
        content_type=ct, codename=codename, defaults={"name": f"Can {action} {model}"}
    )
    return perm


def _group(apps, name, old_name):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=old_name).first() or Group.objects.filter(name=name).first()
    if group is None:
        group = Group.objects.create(name=name)
    group.name = name
    group.save()
    group.permissions.clear()
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(group=group).delete()
    apps.get_model("wagtailcore", "GroupCollectionPermission").objects.filter(
        group=group
    ).delete()
    return group


def create_roles(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    communicators = _group(apps, COMMUNICATORS, "Moderators")
    coaches = _group(apps, COACHES, "Editors")

    for group, matrix in ((communicators, COMMUNICATOR_MODEL_PERMS),
                          (coaches, COACH_MODEL_PERMS)):
        for (app_label, model), actions in matrix.items():
            for action in actions:
                group.permissions.add(_perm(apps, app_label, model, action))

    root = Page.objects.get(depth=1)
    for action in PAGE_ACTIONS_ALL:
        GroupPagePermission.objects.create(
            group=communicators, page=root, permission=_perm(apps, "wagtailcore", "page", action)
        )
    for app_label, model in COACH_SECTIONS:
        section = apps.get_model(app_label, model).objects.order_by("path").first()
        if section is None:
            continue
        for action in PAGE_ACTIONS_COACH:
            GroupPagePermission.objects.create(
                group=coaches,
                page_id=section.pk,
                permission=_perm(apps, "wagtailcore", "page", action),
            )

    root_collection = Collection.objects.get(depth=1)
    for group, name in ((communicators, COMMUNICATORS), (coaches, COACHES)):
        for (app_label, model), actions in COLLECTION_PERMS[name].items():
            for action in actions:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=_perm(apps, app_label, model, action),
                )

    # Wagtail's default approval workflow becomes the communicator's review.
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name="Moderators approval").update(name="Granskning")
    Task.objects.filter(name="Moderators approval").update(name="Kommunikatörens granskning")


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_site_structure"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
