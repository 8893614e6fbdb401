"""API of the committee app, mounted under /api/v1/."""

from ninja import Router

router = Router(tags=["committee"])
