"""The storage aliases against an S3 API server (moto in server mode, over HTTP): private files round-trip and
never get a public URL or a public ACL; public files are readable by anyone.

Not marked `integration`: moto is a dev requirement and needs no outside service, so this runs in every
`make test`, never skipped."""

import urllib.request
import uuid

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from moto.server import ThreadedMotoServer

from cms.storage import PrivateFileError
from tests.services import free_port

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
CREDENTIALS = {"access_key": "test-access-key", "secret_key": "test-secret-key", "region_name": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings):
    """Both storage aliases on fresh buckets, configured the way cms/settings/base.py does with S3_* set."""
    public_bucket, private_bucket = f"public-{uuid.uuid4().hex[:8]}", f"private-{uuid.uuid4().hex[:8]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id=CREDENTIALS["access_key"],
        aws_secret_access_key=CREDENTIALS["secret_key"],
        region_name=CREDENTIALS["region_name"],
    )
    client.create_bucket(Bucket=public_bucket)
    client.create_bucket(Bucket=private_bucket)
    common = {**CREDENTIALS, "endpoint_url": s3_endpoint, "file_overwrite": False}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "cms.storage.PublicS3Storage",
            "OPTIONS": {**common, "bucket_name": public_bucket, "custom_domain": None},
        },
        "private": {"BACKEND": "cms.storage.PrivateS3Storage", "OPTIONS": {**common, "bucket_name": private_bucket}},
    }
    return client, public_bucket, private_bucket


def grants_to(client, bucket: str, key: str) -> set[tuple[str, str]]:
    acl = client.get_object_acl(Bucket=bucket, Key=key)
    return {
        (grant["Grantee"].get("URI", grant["Grantee"].get("ID", "")), grant["Permission"]) for grant in acl["Grants"]
    }


def test_a_private_file_round_trips_through_s3_and_is_not_public(s3):
    client, _public_bucket, private_bucket = s3
    storage = storages["private"]

    name = storage.save("tickets/ticket-123.png", ContentFile(b"\x89PNG private ticket"))

    with storage.open(name, "rb") as stored:
        assert stored.read() == b"\x89PNG private ticket"
    stored_object = client.get_object(Bucket=private_bucket, Key=name)
    assert stored_object["Body"].read() == b"\x89PNG private ticket"
    with pytest.raises(PrivateFileError):
        storage.url(name)
    grantees = {grantee for grantee, _permission in grants_to(client, private_bucket, name)}
    assert ALL_USERS not in grantees
    assert AUTHENTICATED_USERS not in grantees


def test_a_public_file_is_readable_by_anyone_at_its_url(s3):
    client, public_bucket, _private_bucket = s3
    storage = storages["default"]

    name = storage.save("images/logo.png", ContentFile(b"public logo"))

    assert (ALL_USERS, "READ") in grants_to(client, public_bucket, name)
    url = storage.url(name)
    assert "X-Amz-Signature" not in url and "Signature=" not in url
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        assert response.read() == b"public logo"


def test_private_and_public_files_land_in_separate_buckets(s3):
    client, public_bucket, private_bucket = s3

    name = storages["private"].save("tickets/t.png", ContentFile(b"x"))

    assert client.list_objects_v2(Bucket=public_bucket).get("KeyCount", 0) == 0
    assert client.list_objects_v2(Bucket=private_bucket)["Contents"][0]["Key"] == name
