"""The import contracts of pyproject.toml catch a back arrow between the apps.

`make lint` runs `lint-imports` on the project itself. These tests run the same contracts (the
project's own `[tool.importlinter]`) on a small tree of stand-in apps with the project's names:
once with only imports the layers allow, which must pass, and once for each kind of back arrow,
which must break the contract meant to catch it. A contract that is deleted, misspelt or loses
a layer fails here.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PYPROJECT = Path(settings.BASE_DIR) / "pyproject.toml"

# Every app of the project with an import it may make (downwards, or into its own package).
ALLOWED = {
    "ops/health.py": "import django\n",
    "accounts/models.py": "import django\nfrom ops import health\n",
    "accounts/twofactor.py": "from accounts import models\n",
    "streets/models.py": "from accounts import models\n",
    "streets/events.py": "from streets import models\n",
    "home/models.py": "from streets import models\n",
    "matching/engine/__init__.py": "from matching.engine import scoring\n",
    "matching/engine/scoring.py": "import math\n\nimport numpy\n",
    "matching/models.py": "from home import models\nfrom matching.engine import scoring\n",
    "pot/models.py": "from home import models\n",
    "pot/views.py": "from pot import models\n",
    "surveys/models.py": "from matching import models\nfrom pot import models\n",
    "insights/models.py": "from matching import models\nfrom pot import models\nfrom surveys import models\n",
    "effects/scale.py": "import math\n",
    "effects/models.py": "from surveys import models\nfrom effects import scale\n",
    "insights/figures.py": "from effects import models\n",
    "welcome/models.py": "from pot import models\nfrom surveys import models\n",
    "search/views.py": "from streets import models\n",
    "network/models.py": "from matching import models\nfrom home import models\n",
    "programme/models.py": "from surveys import models\nfrom pot import models\n",
    "national/models.py": "from insights import models\nfrom network import models\n",
    "demo/builders.py": "from national import models\nfrom tests import factories\n",
    "cms/urls.py": "from insights import models\nfrom search import views\n",
    "tests/factories.py": "from accounts import models\nfrom streets import models\n",
    "tests/test_demo.py": "from demo import builders\n",
}


def lint(tmp_path: Path, back_arrow: dict[str, str], contract: str | None = None):
    """Write the stand-in tree with `back_arrow` (file -> extra import) and lint it."""
    for name, source in ALLOWED.items():
        path = tmp_path / name
        for package in [*path.relative_to(tmp_path).parents][:-1]:
            (tmp_path / package).mkdir(parents=True, exist_ok=True)
            (tmp_path / package / "__init__.py").touch()
        with path.open("a") as module:
            module.write(source + back_arrow.get(name, ""))
    command = [str(LINT_IMPORTS), "--config", str(PYPROJECT), "--no-cache", "--no-logo"]
    if contract:
        command += ["--contract", contract]
    # The stand-in tree is the working directory, which lint-imports puts first on sys.path.
    return subprocess.run(  # noqa: S603
        command, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False
    )


def test_a_tree_with_only_downward_imports_keeps_every_contract(tmp_path):
    result = lint(tmp_path, {})

    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("contract", "back_arrow", "chain"),
    [
        pytest.param(
            "engine",
            {"matching/engine/scoring.py": "from django.db import models\n"},
            "matching.engine.scoring -> django",
            id="the engine imports Django",
        ),
        pytest.param(
            "engine",
            {"matching/engine/scoring.py": "from matching import models\n"},
            "matching.engine.scoring -> matching.models",
            id="the engine imports the rest of matching",
        ),
        pytest.param(
            "scale",
            {"effects/scale.py": "from django.db import models\n"},
            "effects.scale -> django",
            id="the loneliness scale imports Django",
        ),
        pytest.param(
            "layers",
            {"surveys/models.py": "from effects import models\n"},
            "surveys.models -> effects.models",
            id="the survey imports the effect questionnaire built on it",
        ),
        pytest.param(
            "accounts",
            {"accounts/twofactor.py": "from streets import models\n"},
            "accounts.twofactor -> streets.models",
            id="accounts imports a domain app",
        ),
        pytest.param(
            "tests",
            {"pot/views.py": "from tests import factories\n"},
            "pot.views -> tests.factories",
            id="a runtime module imports the tests",
        ),
        pytest.param(
            "layers",
            {"streets/events.py": "from matching import models\n"},
            "streets.events -> matching.models",
            id="streets imports a street domain",
        ),
        pytest.param(
            "layers",
            {"pot/views.py": "from matching import models\n"},
            "pot.views -> matching.models",
            id="pot imports its independent sibling matching",
        ),
        pytest.param(
            "layers",
            {"pot/views.py": "from programme import models\n"},
            "pot.views -> programme.models",
            id="the pot imports the programme above it",
        ),
        pytest.param(
            "layers",
            {"insights/models.py": "from demo import builders\n"},
            "insights.models -> demo.builders",
            id="an app imports the demo",
        ),
        pytest.param(
            "layers",
            {"insights/models.py": "from national import models\n"},
            "insights.models -> national.models",
            id="the figures import the national layer above them",
        ),
        pytest.param(
            "layers",
            {"pot/views.py": "from welcome import models\n"},
            "pot.views -> welcome.models",
            id="pot imports welcome, which lists the pot's attentions per home",
        ),
    ],
)
def test_a_back_arrow_breaks_the_contract_that_guards_it(tmp_path, contract, back_arrow, chain):
    result = lint(tmp_path, back_arrow, contract)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 1 broken" in result.stdout
    assert chain in result.stdout
