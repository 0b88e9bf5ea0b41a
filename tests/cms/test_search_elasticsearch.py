"""The site-wide search on Elasticsearch 8: runs against a real server when ELASTICSEARCH_URL is set."""
import os

import pytest

from tests.cms.factories import make_condition_page, make_private

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"),
                       reason="ELASTICSEARCH_URL is not set"),
    pytest.mark.django_db,
]


def test_elasticsearch_finds_a_public_page_by_a_stemmed_word_of_its_body(api_client, tree,
                                                                         settings):
    from django.core.management import call_command

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].endswith("elasticsearch8")
    page = make_condition_page(tree["conditions"], title="Crohn's disease",
                               body=[{"type": "paragraph",
                                      "value": "<p>Flares are treated with medicines.</p>"}])
    make_private(make_condition_page(tree["conditions"], title="Private", summary="flares"))
    call_command("update_index", verbosity=0)
    response = api_client.get("/api/v1/search/", {"q": "flare"})
    assert response.status_code == 200
    assert [hit["id"] for hit in response.json()["results"]] == [str(page.pk)]
