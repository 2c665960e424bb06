"""The PNG chart of `python -m bot stats --chart`: category shares by year, one 100% stacked bar a year.

matplotlib's object API on the Agg canvas: no pyplot, no display, no global figure state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

LABEL_FROM_PERCENT = 4.0  # segments smaller than this are not labelled: the text would not fit


def draw_category_shares(path: Path, years: Sequence[int], totals: Sequence[int],
                         series: Mapping[str, Sequence[float]], *, title: str) -> None:
    """`series`: category name -> its share (percent) in each of `years`, bottom to top."""
    figure = Figure(figsize=(max(6.0, 1.1 * len(years) + 4.5), 5.5), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(years)))
    bottoms = [0.0] * len(years)
    palette = [figure_color(i) for i in range(len(series))]
    for (name, shares), color in zip(series.items(), palette, strict=True):
        axes.bar(positions, shares, bottom=bottoms, width=0.65, label=name, color=color,
                 edgecolor="white", linewidth=0.5)
        for x, (share, bottom) in enumerate(zip(shares, bottoms, strict=True)):
            if share >= LABEL_FROM_PERCENT:
                axes.text(x, bottom + share / 2, f"{share:.1f}%", ha="center", va="center", fontsize=8)
        bottoms = [b + s for b, s in zip(bottoms, shares, strict=True)]
    axes.set_xticks(positions, [f"{year}\n{total} cases" for year, total in zip(years, totals, strict=True)])
    axes.set_ylim(0, 100)
    axes.set_ylabel("Share of the year's cases, %")
    axes.set_title(title, fontsize=10)
    axes.spines[["top", "right"]].set_visible(False)
    handles, labels = axes.get_legend_handles_labels()  # listed top to bottom, as the bars are stacked
    axes.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False,
                fontsize=9)
    figure.savefig(path, format="png", bbox_inches="tight")


def figure_color(index: int) -> str:
    """Colours that stay apart in print and for common colour blindness (Okabe-Ito), then greys."""
    okabe_ito = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
    return okabe_ito[index] if index < len(okabe_ito) else f"{0.35 + 0.1 * (index % 5):.2f}"
