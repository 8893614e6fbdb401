"""Lists: sortable headers, the range of the page, paging both ways, filters kept by actions."""

import re

import pytest
from django.test import Client

from tandem.core.actors import DEMO_ACTOR
from tandem.core.models import User
from tandem.core.services.demo import demo_data_create
from tandem.projects.models import JointProject
from tandem.projects.services.demo import demo_projects_create

pytestmark = pytest.mark.integration


@pytest.fixture
def registry(default_programme: None) -> None:
    demo_data_create(seed=1, organisations=40, people=0, actor=DEMO_ACTOR)
    demo_projects_create(seed=1, count=120, actor=DEMO_ACTOR)


def _link(html: str, rel: str) -> str:
    found = re.search(rf'<a rel="{rel}" href="\?([^"]*)"', html)
    assert found, f"no {rel} link"
    return found.group(1).replace("&amp;", "&")


def _codes(html: str) -> list[str]:
    return re.findall(r'<td><a href="/projects/([^/"]+)/">', html)


def test_the_registry_says_which_rows_it_shows_and_pages_back(
    client: Client, registry: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    total = client.get("/projects/").context["total"]
    assert 100 < total <= 120
    first = client.get("/projects/").content.decode()
    assert f"1–50 of {total}" in first
    assert "Page 1 of 3" in first
    assert 'rel="prev"' not in first
    second = client.get("/projects/?" + _link(first, "next")).content.decode()
    assert f"51–100 of {total}" in second
    assert "Page 2 of 3" in second
    third = client.get("/projects/?" + _link(second, "next")).content.decode()
    assert f"101–{total} of {total}" in third
    assert 'rel="next"' not in third
    back = client.get("/projects/?" + _link(third, "prev")).content.decode()
    assert _codes(back) == _codes(second)
    assert f"51–100 of {total}" in back
    start = client.get("/projects/?" + _link(back, "prev")).content.decode()
    assert _codes(start) == _codes(first)
    assert 'rel="prev"' not in start
    assert f"1–50 of {total}" in start


def test_paging_back_through_a_search_across_languages(
    client: Client, registry: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    html = client.get("/projects/", {"q": "project", "sort": "-status_date"}).content.decode()
    pages = [_codes(html)]
    while 'rel="next"' in html:
        html = client.get("/projects/?" + _link(html, "next")).content.decode()
        pages.append(_codes(html))
    for index in range(len(pages) - 1, 0, -1):
        html = client.get("/projects/?" + _link(html, "prev")).content.decode()
        assert _codes(html) == pages[index - 1]


def test_column_headers_sort_and_say_how(
    client: Client, registry: None, secretariat_jp: User
) -> None:
    client.force_login(secretariat_jp)
    html = client.get("/projects/", {"status": "agreed"}).content.decode()
    header = re.search(
        r'<th scope="col" aria-sort="ascending"><a class="sort" href="\?([^"]*)"', html
    )
    assert header, "the code column says it sorts the list"
    target = header.group(1).replace("&amp;", "&")
    assert "status=agreed" in target and "sort=-code" in target
    assert 'aria-sort="none"><a class="sort" href="?status=agreed&amp;sort=-status_date"' in html
    descending = client.get("/projects/?" + target)
    codes = _codes(descending.content.decode())
    assert codes == sorted(codes, reverse=True)
    assert 'aria-sort="descending"' in descending.content.decode()


def test_the_bulk_status_change_keeps_the_search(
    client: Client, registry: None, secretariat_jp: User
) -> None:
    project = JointProject.objects.filter(status="agreed", disclosure="public").first()
    assert project is not None
    client.force_login(secretariat_jp)
    response = client.post(
        f"/projects/bulk-status/?q={project.code}&status=agreed&sort=-code&after=xyz",
        {"codes": [project.code], "status": "completed", "date": "2020-02-01", "reason": "r"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/projects/?q={project.code}&status=agreed&sort=-code"
    project.refresh_from_db()
    assert project.status == "completed"


def test_every_paged_list_keeps_its_filters_and_says_its_range(
    client: Client, default_programme: None, secretariat_jp: User
) -> None:
    demo_data_create(seed=1, organisations=70, people=0, actor=DEMO_ACTOR)
    client.force_login(secretariat_jp)
    response = client.get("/organisations/", {"sort": "-side", "kind": ""})
    html = response.content.decode()
    total = response.context["page"].paginator.count
    assert total > 50
    assert f"1–50 of {total}" in html and "Page 1 of 2" in html
    assert 'aria-sort="descending"' in html
    assert _link(html, "next") == "sort=-side&kind=&page=2"
    names = [org.side.code for org in response.context["page"].object_list]
    assert names == sorted(names, reverse=True)
    second = client.get("/organisations/?" + _link(html, "next")).content.decode()
    assert f"51–{total} of {total}" in second
    assert _link(second, "prev") == "sort=-side&kind=&page=1"
