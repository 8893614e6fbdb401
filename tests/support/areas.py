"""The main page of every area of the workspace, as the browser tests visit them."""

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
