"""Renaming a topic reaches every case page that shows it, though no case record changed."""

import pytest
from casedata import make_case
from sitebuild_helpers import Site, add_fixed_pages

from cms.core.models import Topic


@pytest.mark.django_db
def test_topic_rename_refetches_cases(tmp_path, organisation, communicator):
    add_fixed_pages()
    topic = Topic.objects.create(name="Äldreomsorg")
    case = make_case(organisation, save=False)
    case.full_clean()
    case.save()
    case.topics.set([topic])
    case.save_revision(user=communicator).publish(user=communicator)
    site = Site(tmp_path)
    site.build()
    assert "Äldreomsorg" in site.html(f"/case/{case.slug}/")

    topic.name = "Vård och omsorg om äldre"
    topic.save()
    site.build()

    assert f"/case/{case.slug}/" in site.fetched
    assert "Vård och omsorg om äldre" in site.html(f"/case/{case.slug}/")
