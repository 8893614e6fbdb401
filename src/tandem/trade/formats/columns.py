"""Find a format's columns in a header, by any of their accepted names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence


def _normal(name: str) -> str:
    return name.strip().strip('"').lower().replace("_", "").replace(" ", "")


class Layout:
    """Where each logical column of a format sits in this file's header.

    ``columns`` maps a logical column to the names it may have; ``required`` lists groups of
    logical columns of which the file must have at least one each."""

    def __init__(
        self,
        header: Sequence[str],
        columns: Mapping[str, tuple[str, ...]],
        required: Sequence[tuple[str, ...]],
    ) -> None:
        self.header = [name.strip() for name in header]
        positions = {_normal(name): index for index, name in enumerate(header)}
        self.columns = columns
        self.required = required
        self.index: dict[str, int | None] = {
            logical: next((positions[_normal(n)] for n in names if _normal(n) in positions), None)
            for logical, names in columns.items()
        }

        self.present = [(logical, i) for logical, i in self.index.items() if i is not None]

    def missing(self) -> list[str]:
        return [
            " or ".join(self.columns[logical][0] for logical in group)
            for group in self.required
            if all(self.index[logical] is None for logical in group)
        ]

    def name(self, position: int) -> str:
        return self.header[position] if position < len(self.header) else str(position + 1)

    def reader(self, row: Sequence[str]) -> Callable[[str], str]:
        """A function from a logical column to the row's stripped text ("" when absent)."""
        size = len(row)
        values = defaultdict(
            str, {logical: row[i].strip() for logical, i in self.present if i < size}
        )
        return values.__getitem__
