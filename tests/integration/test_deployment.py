"""The deployment files, checked without a cluster: every Kubernetes manifest against the Kubernetes
schemas (kubernetes-validate, strict), the wiring between them, the compose file and haproxy's config,
the provisioning files applied by the real `vaxdesk-server tenant apply`, and the image's requirements
covering everything the server imports (and nothing of the station's Qt)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from packaging.requirements import Requirement

from sync.server.provisioning import parse_provisioning
from sync.server.tenants import Registry
from tests.conftest import REPO
from tests.integration.sync_support import PYTHON

K8S = REPO / "packaging" / "kubernetes"
SERVER = REPO / "packaging" / "server"
KUBERNETES_VERSION = "1.30.0"


def _manifests() -> dict[str, dict[str, Any]]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    docs = {}
    for name in kustomization["resources"]:
        for doc in yaml.safe_load_all((K8S / name).read_text()):
            docs[f"{doc['kind']}/{doc['metadata']['name']}"] = doc
    return docs


def test_the_kustomization_lists_every_manifest_and_each_is_valid_kubernetes() -> None:
    listed = yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == sorted(p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")
    for name, doc in _manifests().items():
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{name}: {exc.message} at {list(exc.path)}")


def test_the_manifests_fit_together() -> None:
    docs = _manifests()
    deployment, service, hpa = docs["Deployment/vaxdesk-api"], docs["Service/vaxdesk-api"], docs[
        "HorizontalPodAutoscaler/vaxdesk-api"]
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert service["spec"]["selector"].items() <= labels.items()
    assert docs["PodDisruptionBudget/vaxdesk-api"]["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "vaxdesk-api"}
    [api] = pod["spec"]["containers"]
    assert api["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert api["livenessProbe"]["httpGet"]["path"] == "/health"
    assert api["resources"]["requests"]["cpu"] == api["resources"]["limits"]["cpu"]  # HPA needs requests
    for container in [api, *docs["Job/vaxdesk-migrate"]["spec"]["template"]["spec"]["containers"]]:
        env = {e["name"]: e for e in container["env"]}
        assert env["VAXDESK_MASTER_KEY"]["valueFrom"]["secretKeyRef"]["name"] == "vaxdesk-secrets"
        assert "value" not in env["VAXDESK_MASTER_KEY"] and "value" not in env["VAXDESK_DATABASE_URL"]
    job = docs["Job/vaxdesk-migrate"]["spec"]["template"]["spec"]
    script = " ".join(job["containers"][0]["args"])
    assert "vaxdesk-server --data-dir /data migrate" in script and "tenant apply --file /config/tenants.yaml" in script
    assert job["volumes"][0]["configMap"]["name"] == "vaxdesk-tenants"
    plans = parse_provisioning(yaml.safe_load(docs["ConfigMap/vaxdesk-tenants"]["data"]["tenants.yaml"]))
    assert [p.name for p in plans] == ["county-north", "company-medical"]


def test_no_secret_is_written_into_the_deployment_files() -> None:
    key_like = re.compile(r"[A-Za-z0-9+/]{43}=")  # base64 of 32 bytes, as a master key is written
    for path in [*K8S.glob("*.yaml"), *SERVER.iterdir()]:
        text = path.read_text()
        assert not key_like.search(text), path
        # a password is only ever a reference: ${VARIABLE} in compose, a secretKeyRef in Kubernetes
        assert not re.search(r"(?im)^\s*\w*password\w*:\s*[^\s${]", text), path


def test_the_provisioning_example_is_applied_by_the_real_command(tmp_path: Path) -> None:
    for _ in range(2):  # idempotent
        done = subprocess.run([PYTHON, "-m", "sync.server.cli", "tenant", "apply", "--data-dir", str(tmp_path),
                               "--file", str(SERVER / "tenants.example.yaml")], capture_output=True, text=True,
                              cwd=REPO, check=False)
        assert done.returncode == 0, done.stderr
    registry = Registry(data_dir=tmp_path)
    try:
        assert registry.names() == ["company-medical", "county-north"]
        from sync.server.edge_settings import read_settings

        with registry.get("county-north").read() as conn:
            settings = read_settings(conn)
        assert settings.challenge is True and settings.mail_from == "termine@impfzentrum-nord.example"
    finally:
        registry.close()
    bad = tmp_path / "bad.yaml"
    bad.write_text("tenants:\n  - name: x\n    public: {booking_per_client: plenty}\n")
    refused = subprocess.run([PYTHON, "-m", "sync.server.cli", "tenant", "apply", "--data-dir", str(tmp_path),
                              "--file", str(bad)], capture_output=True, text=True, cwd=REPO, check=False)
    assert refused.returncode == 2 and "booking_per_client" in refused.stderr and "Traceback" not in refused.stderr


def test_the_compose_file_runs_the_whole_topology_from_the_image() -> None:
    compose = yaml.safe_load((SERVER / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"postgres", "pgbouncer", "migrate", "api", "haproxy"}
    assert services["api"]["deploy"]["replicas"] >= 2
    assert "pgbouncer=true" in services["api"]["environment"]["VAXDESK_DATABASE_URL"]
    assert services["api"]["environment"]["VAXDESK_MASTER_KEY"].startswith("${VAXDESK_MASTER_KEY:?")
    assert services["api"]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
    assert services["migrate"]["build"]["dockerfile"] == "packaging/server/Containerfile"
    assert parse_provisioning(yaml.safe_load((SERVER / "tenants.example.yaml").read_text()))


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy is installed by .ci/run")
def test_haproxy_accepts_the_shipped_config() -> None:
    done = subprocess.run(["haproxy", "-c", "-f", str(SERVER / "haproxy.cfg")], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_image_installs_what_the_server_imports_and_no_station_gui() -> None:
    containerfile = (SERVER / "Containerfile").read_text()
    for source in re.findall(r"^COPY (?!--from)(.+) \S+$", containerfile, flags=re.M):
        for part in source.split():
            assert (REPO / part).exists(), part
    probe = (
        "import json, sys, importlib.metadata as md\n"
        "import uvicorn, psycopg, sync.server.app, sync.server.cli, sync.server.asgi, sync.server.mail\n"
        "from app.certificates import dcc, signer\n"
        "dists = md.packages_distributions()\n"
        "mods = [m for m in list(sys.modules) if m != '_distutils_hack']  # a venv's start-up hook, not an import\n"
        "print(json.dumps(sorted({d for m in mods for d in dists.get(m.split('.')[0], [])})))\n")
    imported = set(json.loads(subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, cwd=REPO,
                                             check=True).stdout))
    import importlib.metadata as md

    wanted = {re.split(r"[<>=\[;]", line)[0].strip().lower() for line in
              (SERVER / "requirements.txt").read_text().splitlines() if line.strip() and not line.startswith("#")}
    closure: set[str] = set()
    todo = list(wanted)
    while todo:
        name = todo.pop()
        if name in closure:
            continue
        closure.add(name)
        for text in md.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name.lower())
    # anyio imports sniffio only when it is installed (the test extra's selenium brings it); the server does not need it.
    normalise = {d.lower().replace("_", "-") for d in imported} - {"vaxdesk", "sniffio"}
    closure = {c.replace("_", "-") for c in closure} | {"psycopg-binary"}
    assert normalise <= closure, f"the image lacks {sorted(normalise - closure)}"
    assert not {d for d in normalise if d.startswith(("pyside6", "shiboken6", "sqlcipher3"))}
