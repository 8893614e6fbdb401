"""The listing helpers: header links that sort either way, links that keep the filters."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

pytestmark = pytest.mark.unit


def _render(source: str, query: str) -> str:
    request = RequestFactory().get(f"/list/?{query}")
    return Template("{% load listing %}" + source).render(Context({"request": request}))


def test_a_header_sorts_its_column_and_then_the_other_way() -> None:
    unsorted = _render('{% sort_header "name" "Name" %}', "q=abc&sort=side&page=3")
    assert 'aria-sort="none"' in unsorted
    assert 'href="?q=abc&amp;sort=name"' in unsorted  # a new order starts on the first page
    ascending = _render('{% sort_header "name" "Name" %}', "q=abc&sort=name")
    assert 'aria-sort="ascending"' in ascending and "sort=-name" in ascending
    descending = _render('{% sort_header "name" "Name" %}', "sort=-name")
    assert 'aria-sort="descending"' in descending and 'href="?sort=name"' in descending


def test_a_newest_first_column_and_the_default_order() -> None:
    html = _render('{% sort_header "start" "Dates" current="-start" first="-" %}', "")
    assert 'aria-sort="descending"' in html and 'href="?sort=start"' in html
    other = _render('{% sort_header "start" "Dates" current="name" first="-" %}', "")
    assert 'href="?sort=-start"' in other


def test_query_with_keeps_every_other_parameter() -> None:
    assert _render("{% query_with page=2 %}", "q=a&side=JP&page=1") == "q=a&amp;side=JP&amp;page=2"
    assert _render('{% query_with page="" %}', "q=a&page=1") == "q=a"
