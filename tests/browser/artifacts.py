"""What a failed browser test leaves behind: a screenshot and the HTML of each open page."""

import re
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page


def artifacts_folder(root: Path, nodeid: str) -> Path:
    """test-artifacts/browser/<test id made safe for a file name>/"""
    safe_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", nodeid).strip("-")[:150]
    return root / "test-artifacts" / "browser" / safe_name


def save_page_artifacts(pages: list[Page], folder: Path) -> list[Path]:
    """Save page-N.png (full page) and page-N.html for each page; return the files written.

    A page that cannot be captured (closed, crashed) gets a page-N.txt saying why, so that
    the artefacts of the other pages are still kept.
    """
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for number, page in enumerate(pages, start=1):
        stem = folder / f"page-{number}"
        try:
            page.screenshot(path=stem.with_suffix(".png"), full_page=True)
            saved.append(stem.with_suffix(".png"))
            html = f"<!-- {page.url} -->\n{page.content()}"
            stem.with_suffix(".html").write_text(html, encoding="utf-8")
            saved.append(stem.with_suffix(".html"))
        except PlaywrightError as error:
            stem.with_suffix(".txt").write_text(f"{page.url}\n{error}\n", encoding="utf-8")
            saved.append(stem.with_suffix(".txt"))
    return saved
