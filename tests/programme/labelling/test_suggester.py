"""Suggester code paths with a model-free embedder: format, ids, determinism, Far East."""

from pathlib import Path

import pytest

from tandem.core.embedding.testing import HashingEmbedder
from tandem.programme.labelling import Suggester, load_labels
from tandem.programme.labelling.examples import (
    ExampleError,
    append_example,
    bundled_examples,
    make_example,
    project_text,
    read_examples,
)

pytestmark = pytest.mark.unit

PA_IDS = {f"P{i}" for i in range(1, 9)}
NP_IDS = {f"N{i}" for i in range(1, 14)}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Greenhouse complex in Khabarovsk. Year-round vegetables.", "en"),
        ("ウラジオストクの病院", "ja"),
        ("Рыбоперерабатывающий завод в Приморье", "ru"),
        ("Школа японского языка в Южно-Сахалинске", "ru"),
    ],
)
def test_a_far_eastern_place_makes_p6_chosen(
    hashing_suggester: Suggester, text: str, language: str
) -> None:
    suggestion = hashing_suggester.suggest(text, language)
    assert "P6" in suggestion.chosen("plan_areas")
    assert suggestion.far_east
    p6 = next(item for item in suggestion.plan_areas if item.id == "P6")
    assert p6.reasons[0].code == "far_east_place" and p6.reasons[0].values


def test_without_a_far_eastern_place_the_gazetteer_does_not_choose_p6(
    hashing_suggester: Suggester,
) -> None:
    suggestion = hashing_suggester.suggest("Dialysis centres in Kazan", "en")
    assert suggestion.far_east == []


def test_suggestion_ranks_every_label_once_with_valid_ids(hashing_suggester: Suggester) -> None:
    suggestion = hashing_suggester.suggest("LNG terminal and power plant", "en")
    assert [i.id for i in suggestion.plan_areas if i.id in PA_IDS] == [
        i.id for i in suggestion.plan_areas
    ]
    assert {i.id for i in suggestion.plan_areas} == PA_IDS
    assert {i.id for i in suggestion.national_projects} == NP_IDS
    assert len(suggestion.plan_areas) == 8 and len(suggestion.national_projects) == 13
    assert any(item.chosen for item in suggestion.plan_areas)
    for items in (suggestion.plan_areas, suggestion.national_projects):
        assert all(0.0 <= item.score <= 1.0 for item in items)
        assert all(item.reasons and all(r.values for r in item.reasons) for item in items)
    assert suggestion.plan_areas[0].chosen  # the primary plan area comes first
    rest = [i.score for i in suggestion.plan_areas[1:]]
    assert rest == sorted(rest, reverse=True)
    scores = [i.score for i in suggestion.national_projects]
    assert scores == sorted(scores, reverse=True)
    label_id, score, chosen, reasons = suggestion.plan_areas[0]  # unpacks as a tuple
    assert label_id == suggestion.primary_plan_area
    assert chosen and reasons and score >= 0.0


def test_to_dict_has_the_file_format_of_tandem_classify(hashing_suggester: Suggester) -> None:
    out = hashing_suggester.suggest("SME business mission", "en").to_dict()
    assert set(out) == {"plan_areas", "national_projects"}
    assert set(out["plan_areas"][0]) == {"id", "score", "chosen"}


def test_suggestions_are_deterministic_across_instances_and_batches() -> None:
    texts = ["Lean production at a car plant", "ごみ処理施設", "Туризм во Владивостоке"]
    languages = ["en", "ja", "ru"]
    one = Suggester(HashingEmbedder()).suggest_many(texts, languages)
    two = Suggester(HashingEmbedder()).suggest_many(texts, languages)
    single = [Suggester(HashingEmbedder()).suggest(t, lang) for t, lang in zip(texts, languages)]
    assert one == two == single


def test_an_unknown_language_is_refused(hashing_suggester: Suggester) -> None:
    with pytest.raises(ValueError, match="language"):
        hashing_suggester.suggest("Projet de coopération", "fr")


def test_add_example_teaches_the_nearest_neighbour_vote(hashing_suggester: Suggester) -> None:
    text = "Zorbex quantum widget consortium"
    before = len(hashing_suggester.examples)
    hashing_suggester.add_example(
        title=text, language="en", primary_plan_area="P8", national_projects=["N10"]
    )
    assert len(hashing_suggester.examples) == before + 1
    suggestion = hashing_suggester.suggest(text, "en")
    p8 = next(item for item in suggestion.plan_areas if item.id == "P8")
    example_ids = [v for r in p8.reasons if r.code == "like_example" for v in r.values]
    assert any(v.startswith("added-") for v in example_ids) or suggestion.primary_plan_area == "P8"


def test_add_example_refuses_unknown_labels(hashing_suggester: Suggester) -> None:
    with pytest.raises(ExampleError, match="P9"):
        hashing_suggester.add_example(title="x", language="en", primary_plan_area="P9")
    with pytest.raises(ExampleError, match="N14"):
        make_example(id="a", language="en", title="x", primary_plan_area="P1",
                     national_projects=["N14"])  # fmt: skip


def test_examples_round_trip_through_a_jsonl_file(tmp_path: Path) -> None:
    example = make_example(id="u-1", language="ja", title="透析", primary_plan_area="P1",
                           plan_areas=["P6"], national_projects=["N2"])  # fmt: skip
    path = tmp_path / "accepted.jsonl"
    append_example(path, example)
    append_example(path, example)
    assert read_examples(path) == [example, example]
    assert example.plan_areas == ("P1", "P6")


def test_bundled_examples_use_valid_labels_only() -> None:
    labels = load_labels()
    examples = bundled_examples()
    assert len(examples) >= 60
    for example in examples:
        assert example.primary_plan_area == example.plan_areas[0]
        assert set(example.plan_areas) <= set(labels.ids("plan_areas"))
        assert set(example.national_projects) <= set(labels.ids("national_projects"))


def test_project_text_joins_title_and_description() -> None:
    assert project_text("Dialysis network", "") == "Dialysis network"
    assert project_text("A", "B c.") == "A. B c."
    assert project_text("透析センター。", "日本の技術") == "透析センター。 日本の技術"


def test_a_national_project_is_chosen_only_where_the_text_uses_its_official_wording(
    hashing_suggester: Suggester,
) -> None:
    exchange = hashing_suggester.suggest("Japanese and Russian pupils visit each other", "en")
    assert exchange.chosen("national_projects") == []
    waste = hashing_suggester.suggest(
        "Municipal solid waste management: hazardous waste and solid waste sorting", "en"
    )
    assert waste.chosen("national_projects") == ["N5"]


def test_the_national_projects_cue_words_name_their_source_and_cover_every_project() -> None:
    from tandem.programme.labelling.lexicon import _read_json, load_descriptions

    official = _read_json("national_projects.json")
    assert "Decree of the President of the Russian Federation No. 204" in official["_source"]
    descriptions = load_descriptions()
    for label in load_labels().national_projects:
        for language in ("en", "ja", "ru"):
            assert official[label.id][language], (label.id, language)
            assert descriptions[label.id].cues[language] == tuple(official[label.id][language])


def test_reasons_are_codes_with_values_and_read_in_english_only_when_asked() -> None:
    from tandem.programme.labelling.reasons import Reason, english

    reasons = (Reason("mentions", ("port", "terminal")), Reason("like_example", ("ex-007",)))
    assert english(reasons) == "mentions port, terminal; like example ex-007"
    assert reasons[0].to_dict() == {"code": "mentions", "values": ["port", "terminal"]}
    with pytest.raises(ValueError, match="unknown reason code"):
        Reason("because", ())
