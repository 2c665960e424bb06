"""The dependencies: aiogram pinned to the minor version tested, every requirement locked in
constraints.txt (what scripts/bootstrap and the Dockerfile install), matplotlib optional."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]


def _project() -> dict[str, object]:
    with (REPO / "pyproject.toml").open("rb") as file:
        project: dict[str, object] = tomllib.load(file)["project"]
    return project


def _locked() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt pins exact versions, not {line!r}"
            found[canonicalize_name(name)] = version.strip()
    return found


def _requirements() -> list[Requirement]:
    project = _project()
    extras = project["optional-dependencies"]
    assert isinstance(extras, dict)
    listed = [*project["dependencies"], *extras["dev"], *extras["charts"]]  # type: ignore[misc]
    return [Requirement(text) for text in listed]


def test_aiogram_is_pinned_to_the_minor_version_tested() -> None:
    aiogram = next(r for r in _requirements() if r.name == "aiogram")
    locked = _locked()["aiogram"]
    assert aiogram.specifier.contains(locked)
    major, minor, _ = locked.split(".")
    assert not aiogram.specifier.contains(f"{major}.{int(minor) + 1}.0"), "aiogram must not float to the next minor"


def test_every_requirement_is_locked_at_a_version_it_allows() -> None:
    locked = _locked()
    for requirement in _requirements():
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not in constraints.txt: run scripts/lock"
        assert requirement.specifier.contains(locked[name], prereleases=True), (name, locked[name])


def test_matplotlib_is_the_charts_extra_not_a_dependency() -> None:
    assert all(Requirement(r).name != "matplotlib" for r in _project()["dependencies"])  # type: ignore[attr-defined]
    bootstrap = (REPO / "scripts" / "bootstrap").read_text(encoding="utf-8")
    assert "-c constraints.txt" in bootstrap and "charts" in bootstrap
