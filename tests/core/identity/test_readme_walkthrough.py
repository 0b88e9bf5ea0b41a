"""The README's app-client walk-through runs as written: bash and curl against a live server."""
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.core import mail

README = Path(__file__).resolve().parents[3] / "README.md"
# Records each answer's status, then prints its body as curl -s would.
CURL_WITH_STATUS = ('curl() { command curl -o "$W/body" -w "%{http_code}\\n" "$@" >> "$W/statuses";'
                    ' cat "$W/body"; }\n')


def walkthrough() -> str:
    section = README.read_text().split("### An app client, step by step", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def run(script: str, workdir: Path) -> str:
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", CURL_WITH_STATUS + script],
                          env={"W": str(workdir), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.django_db(transaction=True)
def test_the_readme_app_client_walkthrough_runs_as_written(live_server, tmp_path):
    script = walkthrough()
    assert script.count("curl ") >= 4
    script = script.replace("http://127.0.0.1:8000", live_server.url)
    before_key, manual, after_key = script.partition("KEY=...")
    assert manual, "the walk-through asks for the key of the e-mail"
    after_key = after_key.split("\n", 1)[1]  # the rest of the KEY line is its comment

    token = run(before_key + 'echo "$TOKEN"', tmp_path).strip().splitlines()[-1]
    assert token and token != "null"
    link = re.search(r"/account/verify-email/(\S+)", mail.outbox[-1].body)
    key = unquote(link.group(1))
    base = re.search(r"^BASE=(\S+)$", script, re.M).group(1)
    run(f"BASE={base}\nTOKEN='{token}'\nKEY='{key}'\n" + after_key, tmp_path)

    statuses = (tmp_path / "statuses").read_text().split()
    expected = re.findall(r"^# -> (\d{3})", script, re.M)
    assert statuses == expected == ["401", "200", "200", "401"]
