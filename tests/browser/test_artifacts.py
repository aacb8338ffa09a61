"""What a failing browser test leaves for the developer (see conftest's report hook)."""

from pathlib import Path

from playwright.sync_api import Page

from tests.browser.artifacts import artifacts_folder, save_page_artifacts


def test_each_open_page_is_saved_as_a_screenshot_and_html(page: Page, new_context, tmp_path):
    page.goto("/accounts/login/")
    closed = new_context().new_page()
    closed.close()

    saved = save_page_artifacts([page, closed], tmp_path)

    assert [path.name for path in saved] == ["page-1.png", "page-1.html", "page-2.txt"]
    assert (tmp_path / "page-1.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    html = (tmp_path / "page-1.html").read_text()
    assert html.startswith(f"<!-- {page.url} -->")
    assert 'name="password"' in html


def test_the_folder_is_named_after_the_test():
    folder = artifacts_folder(Path("/repo"), "tests/browser/test_x.py::test_y[chromium-ar]")
    assert folder == Path("/repo/test-artifacts/browser/tests-browser-test_x.py-test_y-chromium-ar")
