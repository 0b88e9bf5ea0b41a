"""Acceptance 4: with S3 settings (moto's S3 server, started here) an avatar lands in the private
bucket, has no URL and is still refused to viewers outside its audience."""
import hashlib
import json
import socket
import subprocess
import sys
import textwrap

import boto3
import pytest
from moto.server import ThreadedMotoServer

from core.identity.models import Profile
from core.privacy.audiences import Audience
from tests.core.runtime.processes import SHARED_DATABASE, this_test_database_url
from tests.factories import UserFactory
from tests.stent_process import ROOT, stent_env

pytestmark = SHARED_DATABASE

PUBLIC_BUCKET, PRIVATE_BUCKET = "stent-media", "stent-private"

# Runs in a process configured from the environment only, as a deployment would be.
UPLOAD_AND_READ = """
import hashlib, io, json, os, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from rest_framework.test import APIClient

emails = json.loads(sys.argv[1])
members = {role: get_user_model().objects.get(email=email) for role, email in emails.items()}
png = io.BytesIO()
Image.new("RGB", (64, 64), (10, 120, 200)).save(png, format="PNG")
owner = APIClient()
owner.force_authenticate(members["owner"])
put = owner.put("/api/v1/me/avatar/", {"avatar": SimpleUploadedFile("me.png", png.getvalue(),
                "image/png")}, format="multipart")
profile = members["owner"].profile
profile.refresh_from_db()
url = f"/api/v1/members/{profile.handle}/avatar/"
stranger = APIClient()
stranger.force_authenticate(members["stranger"])
try:
    profile.avatar.url
    has_url = True
except ValueError:
    has_url = False
mine = owner.get(url)
print(json.dumps({
    "put": put.status_code, "name": profile.avatar.name,
    "storage": type(profile.avatar.storage).__name__, "has_url": has_url,
    "owner": mine.status_code, "owner_sha": hashlib.sha256(b"".join(mine.streaming_content)
                                                           if mine.streaming else mine.content).hexdigest(),
    "stranger": stranger.get(url).status_code, "anonymous": APIClient().get(url).status_code,
}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-3",
                          aws_access_key_id="test", aws_secret_access_key="test")
    for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
        client.create_bucket(Bucket=bucket,
                             CreateBucketConfiguration={"LocationConstraint": "eu-west-3"})
    yield endpoint, client
    server.stop()


def test_an_avatar_lands_in_the_private_bucket_and_is_refused_outside_its_audience(s3_server):
    endpoint, client = s3_server
    owner = UserFactory(email="owner@stent.example")
    UserFactory(email="stranger@stent.example")
    Profile.objects.filter(user=owner).update(avatar_audience=Audience.PRIVATE)
    environment = stent_env(
        DATABASE_URL=this_test_database_url(), AWS_STORAGE_BUCKET_NAME=PUBLIC_BUCKET,
        AWS_PRIVATE_STORAGE_BUCKET_NAME=PRIVATE_BUCKET, AWS_S3_ENDPOINT_URL=endpoint,
        AWS_S3_REGION_NAME="eu-west-3", AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test")
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(UPLOAD_AND_READ),
         json.dumps({"owner": "owner@stent.example", "stranger": "stranger@stent.example"})],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])

    assert out["put"] == 200 and out["storage"] == "PrivateS3Storage" and not out["has_url"]
    key = f"private/{out['name']}"
    stored = client.get_object(Bucket=PRIVATE_BUCKET, Key=key)["Body"].read()
    assert out["owner"] == 200 and out["owner_sha"] == hashlib.sha256(stored).hexdigest()
    assert (out["stranger"], out["anonymous"]) == (404, 404)
    # Nothing in the public bucket, and the object grants nobody but its owner.
    assert client.list_objects_v2(Bucket=PUBLIC_BUCKET).get("KeyCount") == 0
    grants = client.get_object_acl(Bucket=PRIVATE_BUCKET, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    assert all(grant["Grantee"]["Type"] == "CanonicalUser" for grant in grants)
