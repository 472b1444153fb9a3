"""Draw the README's picture of an answer: the bot's real Block Kit reply to a mention,
rendered to HTML that imitates Slack's look, then captured as PNG by headless Chromium.

    python docs/images/render_answer.py ["QUESTION"] [--out docs/images/answer.png]

The blocks are exactly what ladderbot posts in a thread (bot.slack.messages.question_reply,
with the 👍/👎 buttons); only the styling is an approximation of Slack's, so the
picture is not a screenshot of Slack. Needs Chromium (Debian: `apt-get install
chromium`); without it the HTML is written and its path printed.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

QUESTION = "how do I get from senior to staff?"
WIDTH = 760

CSS = """
body { margin: 0; background: #fff; font: 15px/1.46 'DejaVu Sans', Lato, Arial, sans-serif;
       color: #1d1c1d; }
.msg { display: flex; padding: 12px 20px; }
.avatar { width: 36px; height: 36px; border-radius: 6px; flex: none; margin-right: 10px;
          color: #fff; font-weight: bold; text-align: center; line-height: 36px; }
.who { font-weight: bold; }
.app { font-size: 11px; background: #e8e8e8; color: #616061; padding: 1px 3px;
       border-radius: 3px; margin-left: 4px; font-weight: bold; }
.time { color: #616061; font-size: 12px; margin-left: 6px; }
.mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
.thread { border-left: 3px solid #ddd; margin-left: 66px; padding-left: 0; }
h1 { font-size: 18px; margin: 4px 0 6px; }
.section { margin: 4px 0 8px; white-space: pre-wrap; }
.fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; margin: 4px 0 8px; }
.context { color: #616061; font-size: 12px; margin: 6px 0; }
.actions { margin: 8px 0 4px; display: flex; flex-wrap: wrap; gap: 8px; }
.button { border: 1px solid #bbb; border-radius: 4px; padding: 3px 12px; font-size: 13px;
          font-weight: bold; background: #fff; }
.primary { background: #007a5a; color: #fff; border-color: #007a5a; }
.select { border: 1px solid #bbb; border-radius: 4px; padding: 3px 12px; font-size: 13px;
          color: #616061; }
.select:after { content: " \\25BE"; }
code { font-size: 12px; background: #f4f4f4; border: 1px solid #ddd; border-radius: 3px; }
"""


def mrkdwn(text: str) -> str:
    """Slack mrkdwn as HTML: *bold*, _italic_, `code`, <url|text>; &, < and > stay escaped."""
    out = text.replace("<", "\x00").replace(">", "\x01")  # Slack's own escapes come first
    out = html.escape(out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    out = re.sub(r"\x00([^|\x01]+)\|([^\x01]+)\x01", r'<a href="\1">\2</a>', out)
    out = out.replace("\x00", "&lt;").replace("\x01", "&gt;")
    out = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"<b>\1</b>", out)
    out = re.sub(r"(?<![\w_])_([^_\n]+)_(?![\w_])", r"<i>\1</i>", out)
    return re.sub(r"`([^`\n]+)`", r"<code>\1</code>", out)


def block_html(block: dict) -> str:
    kind = block["type"]
    if kind == "header":
        return f"<h1>{html.escape(block['text']['text'])}</h1>"
    if kind == "section" and "fields" in block:
        cells = "".join(f"<div>{mrkdwn(f['text'])}</div>" for f in block["fields"])
        return f'<div class="fields">{cells}</div>'
    if kind == "section":
        return f'<div class="section">{mrkdwn(block["text"]["text"])}</div>'
    if kind == "context":
        return "".join(f'<div class="context">{mrkdwn(e["text"])}</div>' for e in block["elements"])
    if kind == "actions":
        parts = []
        for e in block["elements"]:
            if e["type"] == "button":
                style = " primary" if e.get("style") == "primary" else ""
                parts.append(f'<span class="button{style}">{html.escape(e["text"]["text"])}</span>')
            else:
                parts.append(f'<span class="select">{html.escape(e["placeholder"]["text"])}</span>')
        return f'<div class="actions">{"".join(parts)}</div>'
    if kind == "divider":
        return "<hr>"
    return ""


def page(question: str, messages: list[dict]) -> str:
    asked = (
        '<div class="msg"><div class="avatar" style="background:#4a154b">A</div><div>'
        '<span class="who">Alex</span><span class="time">10:02</span><div>'
        f'<span class="mention">@ladderbot</span> {html.escape(question)}</div></div></div>'
    )
    replies = "".join(
        '<div class="msg"><div class="avatar" style="background:#2c3e50">L</div><div>'
        '<span class="who">ladderbot</span><span class="app">APP</span>'
        '<span class="time">10:02</span>'
        + "".join(block_html(b) for b in m["blocks"])
        + "</div></div>"
        for m in messages
    )
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><style>{CSS}</style></head>'
        f'<body><div id="all">{asked}<div class="thread">{replies}</div></div></body></html>'
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("question", nargs="?", default=QUESTION)
    parser.add_argument("--out", default=str(Path(__file__).with_name("answer.png")))
    parser.add_argument("--height", type=int, default=560)
    args = parser.parse_args()

    from bot.ladder import knowledge
    from bot.slack.messages import question_reply

    messages, _ = question_reply(knowledge.load(), args.question, question_id="0" * 32)
    source = Path(tempfile.mkdtemp(prefix="ladderbot-picture-")) / "answer.html"
    source.write_text(page(args.question, messages))
    browser = next(
        (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
    )
    if browser is None:
        print(f"no Chromium found; the HTML is at {source}")
        return 1
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--window-size={WIDTH},{args.height}",
            f"--screenshot={Path(args.out).resolve()}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
    )
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
