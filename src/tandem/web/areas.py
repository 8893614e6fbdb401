"""The main page of every area of the workspace, in the menu's order: what the browser tests
and scripts/screenshots.py visit."""

AREAS = {
    "home": "/",
    "programme": "/programme/",
    "projects": "/projects/",
    "alignment": "/alignment/",
    "organisations": "/organisations/",
    "matchmaking": "/matchmaking/",
    "exchange": "/exchange/",
    "committee": "/committee/",
    "fairs": "/fairs/",
    "press": "/press/",
    "trade": "/trade/",
}
