"""plotly 그림을 JupyterLab과 정적인 책 웹페이지 양쪽에서 보이게 하는 출력 도우미.

책의 모든 plotly 출력은 ``show_plotly``를 거친다. 출력 하나에 두 가지 형식을 함께 담는다.

- ``application/vnd.plotly.v1+json``: JupyterLab이 내장 plotly 확장으로 그린다.
- ``text/html``: ``<div>``와, 페이지가 미리 불러 둔 전역 ``window.Plotly``로 그리는 ``<script>``.
  plotly.js 자체나 CDN·require.js 주소는 넣지 않는다 (책 페이지가 로컬 plotly.min.js를 싣는다).
"""
from __future__ import annotations

import hashlib
import json
import os
from typing import Any

__all__ = ["is_static", "plotly_mimebundle", "show_plotly"]

STATIC_ENV = "DLBOOK_STATIC"
"""이 환경 변수가 ``1``이면 (책을 만들 때) 위젯 대신 정적인 그림만 보인다."""

_CONFIG = {"responsive": True, "displaylogo": False}
_seen_ids: dict[str, int] = {}


def is_static() -> bool:
    """책(정적 HTML)을 만드는 중인지: 환경 변수 ``DLBOOK_STATIC=1``."""
    return os.environ.get(STATIC_ENV, "").strip().lower() in ("1", "true", "yes")


def _div_id(payload: str) -> str:
    """내용의 해시로 만든 div id. 같은 그림이 두 번 나오면 뒤에 번호를 붙인다 (다시 빌드해도 같다)."""
    digest = hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]
    count = _seen_ids.get(digest, 0)
    _seen_ids[digest] = count + 1
    return f"dlbook-plotly-{digest}" + (f"-{count}" if count else "")


def plotly_mimebundle(fig: Any) -> dict[str, Any]:
    """plotly 그림의 MIME 번들 ``{"application/vnd.plotly.v1+json": ..., "text/html": ...}``."""
    fig_json = fig.to_json()
    fig_dict = json.loads(fig_json)
    fig_dict["config"] = dict(_CONFIG)
    payload = json.dumps(fig_dict, ensure_ascii=False, separators=(",", ":"))
    div_id = _div_id(payload)
    height = fig_dict.get("layout", {}).get("height") or 450
    # "</script>"가 JSON 안에 있어도 스크립트가 끊기지 않게 "</"를 이스케이프한다.
    safe = payload.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    html = (
        f'<div id="{div_id}" class="dlbook-plotly" style="width:100%;height:{int(height)}px;"></div>\n'
        "<script>\n"
        "(function () {\n"
        f'  var id = "{div_id}";\n'
        f"  var fig = {safe};\n"
        "  function draw() {\n"
        "    if (!window.Plotly) {\n"
        '      document.getElementById(id).textContent = "plotly.js를 불러오지 못해 그림을 그릴 수 없다.";\n'
        "      return;\n"
        "    }\n"
        "    window.Plotly.newPlot(id, fig);\n"
        "  }\n"
        '  if (window.Plotly) { draw(); } else { window.addEventListener("load", draw); }\n'
        "})();\n"
        "</script>"
    )
    return {"application/vnd.plotly.v1+json": fig_dict, "text/html": html}


def show_plotly(fig: Any) -> None:
    """plotly 그림을 출력한다 (JupyterLab과 책 웹페이지 모두에서 보이고, 책에서는 슬라이더도 움직인다)."""
    from IPython.display import display

    display(plotly_mimebundle(fig), raw=True)
