"""assert_accessible(page): run axe-core in the page and fail on serious or critical
violations, naming the rule, the elements and where to read how to fix it.

axe-core is vendored (tests/browser/vendor/README.md): the tests need no network.
"""

from functools import cache
from pathlib import Path

from playwright.sync_api import Page

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
NODES_SHOWN_PER_RULE = 5


@cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def _inject_axe(page: Page) -> None:
    # Evaluated as the body of a function, through the DevTools protocol rather than a
    # <script> tag, so a strict Content-Security-Policy on the page does not block it.
    # axe assigns itself to window.axe.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate("() => {" + _axe_source() + "\n}")


def axe_violations(page: Page) -> list[dict]:
    """All of axe's violations on the current page (WCAG 2.x A/AA and best practices)."""
    _inject_axe(page)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:NODES_SHOWN_PER_RULE]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    element: {target}")
            lines.append(f"      {node['html'][:200]}")
            # e.g. "Element has insufficient color contrast of 4.3 (foreground color: ...)"
            summary = " ".join(node.get("failureSummary", "").split("\n")[1:2]).strip()
            if summary:
                lines.append(f"      {summary}")
        hidden = len(violation["nodes"]) - NODES_SHOWN_PER_RULE
        if hidden > 0:
            lines.append(f"    ... and {hidden} more element(s)")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail when axe finds a serious or critical violation on the page as it is now."""
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, format_violations(page.url, blocking)
