"""Checks shared by the browser tests: axe-core, horizontal scrolling, page loads."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


def require_axe() -> Path:
    if not AXE_PATH.is_file():
        pytest.fail(
            f"axe-core is missing ({AXE_PATH}). Install it with `npm ci` in the repository "
            "root (or `make browser-deps`).",
            pytrace=False,
        )
    return AXE_PATH


def _format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core: {len(violations)} WCAG 2.1 A/AA violation(s) on {url}"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:8]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


@functools.cache
def _axe_source() -> str:
    return require_axe().read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Run axe-core on the current page with the WCAG 2.1 A/AA rules; return the violations.

    ``page.add_script_tag`` would insert an inline <script>, which the site's Content Security
    Policy (script-src 'self' + nonce) rightly blocks; evaluating the source through the
    DevTools protocol is not subject to the page's CSP, so the policy stays on while testing.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target, html: n.html, failureSummary: n.failureSummary,
                })),
            }));
        }""",
        AXE_TAGS,
    )
    return result


def axe_check(page) -> None:
    """Assert that axe-core finds no WCAG 2.1 A/AA violations on the current page."""
    violations = axe_violations(page)
    assert not violations, _format_violations(page.url, violations)


def no_horizontal_scroll(page) -> None:
    """Assert the page does not scroll sideways; name the elements that stick out if it does."""
    sizes = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    if sizes["scroll"] <= sizes["inner"]:
        return
    culprits = page.evaluate(
        """() => {
            const width = window.innerWidth, out = [];
            for (const el of document.body.querySelectorAll("*")) {
                const r = el.getBoundingClientRect();
                if (r.right > width + 0.5 && out.length < 10) {
                    const id = el.id ? "#" + el.id : "";
                    const cls = typeof el.className === "string" && el.className.trim()
                        ? "." + el.className.trim().split(/\\s+/).join(".") : "";
                    const right = Math.round(r.right);
                    out.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${right} px)`);
                }
            }
            return out;
        }"""
    )
    pytest.fail(
        f"{page.url} scrolls horizontally at {sizes['inner']} px "
        f"(content is {sizes['scroll']} px wide). Elements sticking out:\n  "
        + "\n  ".join(culprits),
        pytrace=False,
    )


def visit(page, url: str):
    """Open ``url`` and assert it answered 200."""
    response = page.goto(url)
    assert response is not None, f"no response for {url}"
    assert response.status == 200, f"{url} answered {response.status}"
    return response


def wait_for_map(page, expected_markers: int | None = None) -> None:
    """Wait until map.js has drawn the Leaflet map (and, if given, that many markers)."""
    page.wait_for_selector(".map.map--ready .leaflet-marker-pane", state="attached")
    if expected_markers is not None:
        page.wait_for_function(
            "(n) => document.querySelectorAll('.leaflet-marker-icon').length >= n",
            arg=expected_markers,
        )
