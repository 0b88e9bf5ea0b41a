"""Production mode: a proper configuration passes `check --deploy`; a missing secret stops."""
from tests.stent_process import manage

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x7#Qv2!mZp9@Lr4$Tb8&Wn1*Yk6^Hd3%Fs5(Gc0)Je-Pa+Ub=Ox_Iy",
    "ALLOWED_HOSTS": "stent.example.org",
}


def test_production_configuration_passes_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_a_missing_secret_key():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_demo_content_is_refused_in_production():
    result = manage("stent_seed", **PRODUCTION)
    assert result.returncode != 0
    assert "only created when DEBUG is on" in result.stderr
