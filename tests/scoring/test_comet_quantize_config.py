"""[tool.mtqa.score] comet-quantize: the configuration turns int8 COMET on, the command line wins
both ways (--comet-quantize / --no-comet-quantize), and a value that is not a boolean is an error."""

from __future__ import annotations

import pytest

from mtqa.cli import build_parser
from mtqa.commands.score import configured, options_from_args
from mtqa.config import ConfigError


def _options(tmp_path, table: str, *flags: str):
    config = tmp_path / "pyproject.toml"
    config.write_text(f"[tool.mtqa.score]\n{table}\n", encoding="utf-8")
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("Bonjour.\n", encoding="utf-8")
    args = build_parser().parse_args(["score", str(hyp), "--config", str(config), *flags])
    return options_from_args(args, configured(args))


@pytest.mark.parametrize(
    ("table", "flags", "expected"),
    [
        pytest.param("comet-quantize = true", (), True, id="configured-on"),
        pytest.param("comet-quantize = false", (), False, id="configured-off"),
        pytest.param("", (), False, id="default-off"),
        pytest.param("comet-quantize = true", ("--no-comet-quantize",), False, id="cli-turns-off"),
        pytest.param("comet-quantize = false", ("--comet-quantize",), True, id="cli-turns-on"),
    ],
)
def test_comet_quantize_from_the_configuration(tmp_path, table, flags, expected):
    assert _options(tmp_path, table, *flags).comet_quantize is expected


def test_comet_quantize_must_be_a_boolean(tmp_path):
    with pytest.raises(ConfigError, match="comet-quantize: expected bool"):
        _options(tmp_path, 'comet-quantize = "yes"')
