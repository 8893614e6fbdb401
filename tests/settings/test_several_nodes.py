"""Settings for several application nodes (docs/operations.md): a cache every node shares
(TANDEM_CACHE_URL), uploads on a folder every node mounts (TANDEM_MEDIA_ROOT) or in an
S3-compatible bucket (TANDEM_S3_*), and sessions that outlive the node that made them.

The S3 configuration is checked without a request leaving the machine: the storage is built
and signs a link locally."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from storages.backends.s3 import S3Storage

from tandem.core.models import User
from tandem.settings.base import cache_settings, upload_storage
from tandem.settings.config import ConfigError, S3Config, load_config

TANDEM = str(Path(sys.executable).with_name("tandem"))


@pytest.mark.unit
def test_a_redis_url_gives_django_s_redis_cache_and_none_keeps_the_file_cache(
    tmp_path: Path,
) -> None:
    config = load_config({"TANDEM_DATA_DIR": str(tmp_path), "TANDEM_CACHE_URL": "redis://r:6379/2"})
    shared = cache_settings(config.cache_url, tmp_path)
    assert shared["BACKEND"] == "tandem.core.caching.ResilientRedisCache"
    assert shared["LOCATION"] == "redis://r:6379/2"
    alone = cache_settings(load_config({"TANDEM_DATA_DIR": str(tmp_path)}).cache_url, tmp_path)
    assert alone == {
        "BACKEND": "tandem.core.caching.ResilientFileBasedCache",
        "LOCATION": str(tmp_path / "cache"),
    }


@pytest.mark.unit
def test_a_cache_url_of_another_kind_is_refused_in_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TANDEM_CACHE_URL 'memcached://m:11211' is not"):
        load_config({"TANDEM_DATA_DIR": str(tmp_path), "TANDEM_CACHE_URL": "memcached://m:11211"})


@pytest.mark.unit
def test_s3_needs_both_keys_or_neither(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TANDEM_S3_SECRET_ACCESS_KEY"):
        load_config(
            {
                "TANDEM_DATA_DIR": str(tmp_path),
                "TANDEM_S3_BUCKET": "tandem-uploads",
                "TANDEM_S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
            }
        )


@pytest.mark.unit
def test_an_s3_bucket_is_django_storages_s3_backend_with_private_files(tmp_path: Path) -> None:
    config = load_config(
        {
            "TANDEM_DATA_DIR": str(tmp_path),
            "TANDEM_S3_BUCKET": "tandem-uploads",
            "TANDEM_S3_ENDPOINT_URL": "https://objects.example.org",
            "TANDEM_S3_REGION": "eu-central-1",
            "TANDEM_S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
            "TANDEM_S3_SECRET_ACCESS_KEY": "not-a-real-secret",
        }
    )
    assert config.s3 == S3Config(
        bucket="tandem-uploads",
        endpoint_url="https://objects.example.org",
        region="eu-central-1",
        access_key_id="AKIAEXAMPLE",
        secret_access_key="not-a-real-secret",
    )
    storage_settings = upload_storage(config.s3)
    assert storage_settings["BACKEND"] == "storages.backends.s3.S3Storage"
    storage = S3Storage(**storage_settings["OPTIONS"])
    assert storage.default_acl is None
    assert storage.file_overwrite is False
    link = urlsplit(storage.url("briefing/pack.pdf"))  # signed here: no request is made
    assert (link.scheme, link.hostname) == ("https", "objects.example.org")
    assert link.path == "/tandem-uploads/briefing/pack.pdf"
    query = parse_qs(link.query)
    assert query["X-Amz-Credential"][0].startswith("AKIAEXAMPLE/")
    assert "X-Amz-Signature" in query


@pytest.mark.unit
def test_without_a_bucket_uploads_stay_whole_files_in_the_media_folder() -> None:
    assert upload_storage(None) == {"BACKEND": "tandem.core.storage.WholeFileSystemStorage"}


@pytest.mark.integration
def test_two_nodes_save_uploads_in_the_folder_they_share(tmp_path: Path) -> None:
    """Two processes with their own data dirs and TANDEM_MEDIA_ROOT on one folder: what one
    saves through Django's storage API, the other opens."""
    shared = tmp_path / "shared-media"
    script = (
        "import sys; from django.core.files.base import ContentFile;"
        "from django.core.files.storage import default_storage as s;"
        "name = sys.argv[-1];"
        "print(s.open(name).read().decode() if s.exists(name)"
        " else s.save(name, ContentFile(b'minutes')))"
    )
    outputs = []
    for node in ("node-a", "node-b"):
        env = {key: value for key, value in os.environ.items() if not key.startswith("TANDEM_")} | {
            "TANDEM_DATA_DIR": str(tmp_path / node),
            "TANDEM_MEDIA_ROOT": str(shared),
            "DJANGO_SETTINGS_MODULE": "tandem.settings.base",
        }
        done = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {script}", "minutes.txt"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.strip())
    assert outputs == ["minutes.txt", "minutes"]
    assert (shared / "minutes.txt").read_bytes() == b"minutes"
    assert not (tmp_path / "node-a" / "media").exists()


@pytest.mark.integration
def test_a_session_outlives_the_cache_of_the_node_that_made_it(
    client: Client, default_programme: None
) -> None:
    """Sessions are rows in the database, which every node reads: a node lost with its cache
    (or a user sent to the other node) leaves the user signed in."""
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    User.objects.create_user(username="reader", password="a-long-test-password")
    assert client.login(username="reader", password="a-long-test-password")
    cache.clear()
    other_node = Client()
    other_node.cookies = client.cookies
    page = other_node.get("/")
    assert page.status_code == 200
    assert page.wsgi_request.user.username == "reader"
