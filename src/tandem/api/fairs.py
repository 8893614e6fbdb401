"""API of the fairs app, mounted under /api/v1/."""

from ninja import Router

router = Router(tags=["fairs"])
