"""From the engine's finished report (a draft dict) to the columns of a case.

Only known fields are kept (data minimisation): anything else in the report is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

CODE_FIELDS = ("category", "subcategory", "victim", "place", "danger", "age_group", "region")


def _code(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _links(value: Any) -> list[str] | None:
    if not value:
        return None
    items = [value] if isinstance(value, str) else list(value)
    return [str(link) for link in items] or None


def _evidence(value: Any) -> list[dict[str, str]] | None:
    """Platform file ids and their kinds, nothing else: the files themselves are never fetched."""
    if not value:
        return None
    kept = [{"kind": str(item.get("kind", "")), "ref": str(item["ref"])}
            for item in value if isinstance(item, Mapping) and item.get("ref")]
    return kept or None


def case_columns(report: Mapping[str, Any]) -> dict[str, Any]:
    columns: dict[str, Any] = {name: _code(report.get(name)) for name in CODE_FIELDS}
    columns["category"] = columns["category"] or "other"
    description = report.get("description")
    columns["description"] = None if description is None else str(description)
    columns["links"] = _links(report.get("links"))
    columns["evidence"] = _evidence(report.get("evidence"))
    # Only an explicit "reply here" allows contact; a missing answer counts as anonymous.
    columns["anonymous"] = report.get("contact") != "reply_here"
    columns["reporter_role"] = _code(report.get("reporter")) or "other"
    columns["refused_media"] = int(report.get("refused_media") or 0)
    return columns
