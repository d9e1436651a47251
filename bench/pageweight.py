"""Page weight and rendering in Chromium at 360 px (Playwright, Debian's /usr/bin/chromium).

For each page: a fresh browser context (empty cache), load until the network is idle, then
read the transferred bytes of every response (headers + encoded body, as on the wire), the
number of requests and the first contentful paint. Map tiles (any request that does not go to
the server under test) are counted apart and not included in the bytes.

    python -m bench.pageweight --base http://127.0.0.1:8106 /bench/ /bench/suche/?q=kita
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from urllib.parse import urlsplit

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def measure(base: str, pages: dict[str, str], *, timeout_ms: int = 30_000) -> list[dict]:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    server = urlsplit(base).netloc
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            for name, path in pages.items():
                context = browser.new_context(
                    viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
                )
                page = context.new_page()
                finished = []
                page.on("requestfinished", lambda request, sink=finished: sink.append(request))
                response = page.goto(base + path, wait_until="networkidle", timeout=timeout_ms)
                fcp = page.evaluate(
                    "() => { const e = performance.getEntriesByName('first-contentful-paint');"
                    " return e.length ? e[0].startTime : null; }"
                )
                nav = page.evaluate(
                    "() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return n ? {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd} : {}; }"
                )
                own, other, other_bytes, total = 0, 0, 0, 0
                for request in finished:
                    sizes = request.sizes()
                    size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                    if urlsplit(request.url).netloc == server or request.url.startswith("data:"):
                        own += 1
                        total += max(size, 0)
                    else:
                        other += 1
                        other_bytes += max(size, 0)
                results.append(
                    {
                        "page": name,
                        "path": path,
                        "status": response.status if response else None,
                        "requests": own,
                        "transferred_bytes": total,
                        "transferred_kb": round(total / 1024, 1),
                        "fcp_ms": round(fcp, 1) if fcp is not None else None,
                        "dom_content_loaded_ms": round(nav.get("dcl", 0), 1),
                        "load_ms": round(nav.get("load", 0), 1),
                        "other_origin_requests": other,  # map tiles, if a tile server is set
                        "other_origin_bytes": other_bytes,
                    }
                )
                context.close()
        finally:
            browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pageweight")
    parser.add_argument("--base", required=True)
    parser.add_argument("pages", nargs="+", help="name=path or path")
    args = parser.parse_args(argv)
    pages = dict(p.split("=", 1) if "=" in p else (p, p) for p in args.pages)
    print(json.dumps(measure(args.base, pages), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
