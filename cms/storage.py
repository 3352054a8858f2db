"""The public and private storage aliases: files on disk by default, S3 buckets when configured.

Public files (images, documents) get URLs anyone can open. Private files (tickets) get no URL at all:
they are read through `storages["private"].open()` by a view that checked who is asking.
"""

from django.core.files.storage import FileSystemStorage, storages
from storages.backends.s3 import S3Storage


class PrivateFileError(RuntimeError):
    """Raised when code asks a private storage for a URL; private files are served by a permission-checked view."""


class PrivateFileSystemStorage(FileSystemStorage):
    def url(self, name):
        raise PrivateFileError("Private files have no URL; serve them through a view that checks permissions.")


class PublicS3Storage(S3Storage):
    default_acl = "public-read"
    querystring_auth = False


class PrivateS3Storage(S3Storage):
    default_acl = "private"
    querystring_auth = True

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise PrivateFileError("Private files have no URL; serve them through a view that checks permissions.")


def private_storage():
    """Callable for `FileField(storage=private_storage)`, so migrations do not freeze the backend."""
    return storages["private"]
