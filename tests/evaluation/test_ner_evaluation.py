"""``tandem eval ner``: each set's reader on small files written here in that set's format,
exact-span scoring, and the command on a small folder (the real sets only where
../shared/realdata/ner is there)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tandem.evaluation.ner import Tally, main, prepared, score, score_tokens
from tandem.evaluation.ner_sets import (
    Entity,
    outermost,
    read_brat,
    read_conll_io,
    read_factrueval,
    read_stockmark,
)

SHARED_NER = Path(__file__).resolve().parents[3] / "shared" / "realdata" / "ner"

CONLL = """Ivan I-PER
Petrov I-PER
joined I-ORG
. O

He O
flew O
to O
Khabarovsk I-LOC
( O
Russia I-LOC
) O
on O
Aeroflot I-ORG
's O
Boeing I-MISC
. O

-DOCSTART- O

Tokyo I-LOC
Electric I-ORG
Power I-ORG
Company I-ORG
grew O
. O

-DOCSTART- O
"""


def write_conll(folder: Path) -> Path:
    path = folder / "en-wikigold" / "wikigold.conll.txt"
    path.parent.mkdir(parents=True)
    path.write_text(CONLL, encoding="utf-8")
    return path


def test_conll_io_runs_are_entities_and_tokens_are_joined_as_text(tmp_path: Path) -> None:
    documents = read_conll_io(write_conll(tmp_path))
    assert len(documents) == 2
    first = documents[0]
    assert first.text == "Ivan Petrov joined.\nHe flew to Khabarovsk (Russia) on Aeroflot's Boeing."
    names = [(first.text[e.start : e.end], e.kind) for e in first.entities]
    # "joined" is a one-token ORG run right after the PER run: a new entity; MISC is dropped
    assert names == [
        ("Ivan Petrov", "person"),
        ("joined", "organisation"),
        ("Khabarovsk", "place"),
        ("Russia", "place"),
        ("Aeroflot", "organisation"),
    ]
    second = documents[1]
    assert [(second.text[e.start : e.end], e.kind) for e in second.entities] == [
        ("Tokyo", "place"),
        ("Electric Power Company", "organisation"),
    ]


def test_stockmark_types_map_to_three_kinds_and_facilities_are_not_targeted(
    tmp_path: Path,
) -> None:
    rows = [
        {
            "curid": "1",
            "text": "山田太郎は東京電力の社長で、東京駅を訪れた。",
            "entities": [
                {"name": "山田太郎", "span": [0, 4], "type": "人名"},
                {"name": "東京電力", "span": [5, 9], "type": "法人名"},
                {"name": "東京駅", "span": [14, 17], "type": "施設名"},
            ],
        },
        {"curid": "2", "text": "何もない。", "entities": []},
    ]
    path = tmp_path / "ner-dev.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    documents = read_stockmark(path)
    assert [d.language for d in documents] == ["ja", "ja"]
    assert documents[0].entities == [Entity(0, 4, "person"), Entity(5, 9, "organisation")]
    assert documents[1].entities == []


def write_factrueval(folder: Path) -> Path:
    devset = folder / "ru-factrueval" / "devset"
    devset.mkdir(parents=True)
    text = "\nУ здания мэрии Москвы выступил Юрий Лужков из компании «Мосстрой».\n"
    (devset / "book_7.txt").write_text(text, encoding="utf-8")
    # span_id type start length first_token n_tokens  # ids and texts
    (devset / "book_7.spans").write_text(
        "1 org_descr 10 5 11 1  # 11 мэрии\n"
        "2 loc_name 16 6 12 1  # 12 Москвы\n"
        "3 name 32 4 14 1  # 14 Юрий\n"
        "4 surname 37 6 15 1  # 15 Лужков\n"
        "5 org_descr 47 8 17 1  # 17 компании\n"
        "6 org_name 57 8 19 1  # 19 Мосстрой\n",
        encoding="utf-8",
    )
    (devset / "book_7.objects").write_text(
        "101 Org 1 2 # мэрии Москвы\n"
        "102 LocOrg 2 # Москвы\n"
        "103 Person 3 4 # Юрий Лужков\n"
        "104 Project 3 # Юрий\n"
        "105 Org 5 6 # компании Мосстрой\n",
        encoding="utf-8",
    )
    return devset


def test_factrueval_names_without_their_descriptors(tmp_path: Path) -> None:
    [document] = read_factrueval(write_factrueval(tmp_path))
    names = [(document.text[e.start : e.end], e.kind) for e in document.entities]
    # an organisation is its org_name span ("компании" is a descriptor); "мэрии Москвы" has
    # no org_name, so it is no organisation and the LocOrg "Москвы" is a place; a person
    # spans its object; Project is dropped
    assert names == [
        ("Москвы", "place"),
        ("Юрий Лужков", "person"),
        ("Мосстрой", "organisation"),
    ]


def write_brat(folder: Path) -> Path:
    dev = folder / "ru-nerel" / "dev"
    dev.mkdir(parents=True)
    text = "Президент США Барак Обама посетил Белый дом и Министерство обороны России."
    (dev / "1_text.txt").write_text(text, encoding="utf-8")
    (dev / "1_text.ann").write_text(
        "T1\tPROFESSION 0 13\tПрезидент США\n"
        "T2\tCOUNTRY 10 13\tСША\n"
        "T3\tPERSON 14 25\tБарак Обама\n"
        "T4\tFACILITY 34 43\tБелый дом\n"
        "T5\tORGANIZATION 46 73\tМинистерство обороны России\n"
        "T6\tCOUNTRY 67 73\tРоссии\n"
        "T7\tPERSON 14 19;20 25\tБарак Обама\n"
        "R1\tWORKS_AS Arg1:T3 Arg2:T1\n"
        "a stray continuation line\n",
        encoding="utf-8",
    )
    return dev


def test_brat_entities_of_targeted_types_outermost_among_them(tmp_path: Path) -> None:
    [document] = read_brat(write_brat(tmp_path))
    names = [(document.text[e.start : e.end], e.kind) for e in document.entities]
    # США inside a PROFESSION still counts (PROFESSION is not targeted); России inside the
    # ministry does not; the facility is not targeted; the split Обама is one entity
    assert names == [
        ("США", "place"),
        ("Барак Обама", "person"),
        ("Министерство обороны России", "organisation"),
    ]


def test_outermost_keeps_equal_extents_of_two_kinds() -> None:
    rows = [Entity(0, 5, "place"), Entity(0, 5, "organisation"), Entity(1, 3, "person")]
    assert outermost(rows) == [Entity(0, 5, "organisation"), Entity(0, 5, "place")]


def test_exact_span_scoring_counts_a_span_one_character_off_as_wrong() -> None:
    gold = [Entity(0, 11, "person"), Entity(20, 26, "place"), Entity(30, 40, "organisation")]
    found = [
        Entity(0, 11, "person"),
        Entity(20, 27, "place"),
        Entity(30, 40, "place"),
        Entity(0, 11, "person"),
    ]
    tallies = score(gold, found)
    assert (tallies["person"].tp, tallies["person"].fp, tallies["person"].fn) == (1, 0, 0)
    assert (tallies["place"].tp, tallies["place"].fp, tallies["place"].fn) == (0, 2, 1)
    assert (tallies["organisation"].tp, tallies["organisation"].fn) == (0, 1)
    tally = Tally(tp=3, fp=1, fn=2)
    assert (tally.precision, tally.recall) == (0.75, 0.6)
    assert tally.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_token_scoring_gives_partial_credit_for_a_name_one_word_off() -> None:
    text = "the mayor of New York City met Ann Lee"
    gold = [Entity(13, 26, "place"), Entity(31, 38, "person")]
    found = [Entity(13, 21, "place"), Entity(27, 30, "person")]  # "New York", "met"
    assert score(gold, found)["place"].tp == 0  # exact spans: wrong
    tallies = score_tokens(text, gold, found)
    place, person = tallies["place"], tallies["person"]
    assert (place.tp, place.fp, place.fn) == (2, 0, 1)  # New, York found; City missed
    assert (person.tp, person.fp, person.fn) == (0, 1, 2)
    assert tallies["organisation"].tp + tallies["organisation"].fp == 0


def test_prepared_text_keeps_a_map_of_offsets() -> None:
    text = "\nМосква  \nи\u00a0Токио\n\n"
    new, offsets = prepared(text) or ("", [])
    assert new == "Москва\nи Токио"
    assert new[offsets[1] : offsets[7]] == "Москва"
    assert new[offsets[12] : offsets[17]] == "Токио"


def test_command_prints_a_table_and_json_per_kind_and_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_conll(tmp_path)
    write_factrueval(tmp_path)
    assert main([str(tmp_path), "--no-models"]) == 0
    table = capsys.readouterr().out
    assert "exact span match" in table
    assert "en-wikigold" in table and "ru-factrueval" in table and "all ru" in table
    assert main([str(tmp_path), "--json", "--limit", "1", "--set", "ru-factrueval"]) == 0
    report = json.loads(capsys.readouterr().out)
    [russian] = report["sets"]
    assert russian["name"] == "ru-factrueval" and russian["documents"] == 1
    assert report["match"].startswith("exact span")
    assert report["mapping"]["ru-factrueval"]["LocOrg"] == "place"
    person = russian["kinds"]["person"]
    assert person["gold"] == 1 and person["tp"] == 1  # natasha finds Юрий Лужков


def test_command_refuses_a_folder_without_sets(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 2
    assert main([str(tmp_path / "absent")]) == 2


@pytest.mark.skipif(
    not SHARED_NER.is_dir(),
    reason="../shared/realdata/ner (public NER sets beside the checkout) is absent",
)
def test_real_sets_are_read_and_scored(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SHARED_NER), "--json", "--limit", "2", "--no-models"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {s["name"] for s in report["sets"]} == {
        "en-wikigold",
        "ja-stockmark-wikipedia",
        "ru-factrueval",
        "ru-nerel",
    }
    assert all(s["documents"] == 2 for s in report["sets"])
    assert {row["language"] for row in report["languages"]} == {"en", "ja", "ru"}
