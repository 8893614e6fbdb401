"""Country codes of the three formats, read as ISO 3166-1 alpha-2.

UN Comtrade uses UN M49 numbers (with its own codes for a few reporters: 842 USA, 251
France, 381 Italy, 699 India, 757 Switzerland, 579 Norway, 490 "Other Asia, nes", which is
Taiwan) and ISO alpha-3 in its ``*ISO`` columns. Japan's Customs use a three-digit country
code of their own (224 is Russia). Only the countries listed here are known; any other code
is refused with a message naming it, so that nothing is filed under a wrong country.
"""

from __future__ import annotations

WORLD = "W00"

M49 = {
    "0": WORLD, "36": "AU", "40": "AT", "56": "BE", "76": "BR", "112": "BY", "124": "CA",
    "156": "CN", "203": "CZ", "208": "DK", "246": "FI", "250": "FR", "251": "FR", "276": "DE",
    "344": "HK", "356": "IN", "360": "ID", "380": "IT", "381": "IT", "392": "JP", "398": "KZ",
    "408": "KP", "410": "KR", "458": "MY", "484": "MX", "490": "TW", "496": "MN", "528": "NL",
    "554": "NZ", "578": "NO", "579": "NO", "608": "PH", "616": "PL", "643": "RU", "682": "SA",
    "699": "IN", "702": "SG", "704": "VN", "710": "ZA", "724": "ES", "752": "SE", "756": "CH",
    "757": "CH", "764": "TH", "784": "AE", "792": "TR", "804": "UA", "826": "GB", "840": "US",
    "842": "US", "860": "UZ",
}  # fmt: skip

ISO3 = {
    "W00": WORLD, "WLD": WORLD, "AUS": "AU", "AUT": "AT", "BEL": "BE", "BRA": "BR",
    "BLR": "BY", "CAN": "CA", "CHN": "CN", "CZE": "CZ", "DNK": "DK", "FIN": "FI", "FRA": "FR",
    "DEU": "DE", "HKG": "HK", "IND": "IN", "IDN": "ID", "ITA": "IT", "JPN": "JP", "KAZ": "KZ",
    "PRK": "KP", "KOR": "KR", "MYS": "MY", "MEX": "MX", "TWN": "TW", "S19": "TW", "MNG": "MN",
    "NLD": "NL", "NZL": "NZ", "NOR": "NO", "PHL": "PH", "POL": "PL", "RUS": "RU", "SAU": "SA",
    "SGP": "SG", "VNM": "VN", "ZAF": "ZA", "ESP": "ES", "SWE": "SE", "CHE": "CH", "THA": "TH",
    "ARE": "AE", "TUR": "TR", "UKR": "UA", "GBR": "GB", "USA": "US", "UZB": "UZ",
}  # fmt: skip

JAPAN_CUSTOMS = {
    "103": "KR", "105": "CN", "106": "TW", "108": "HK", "110": "VN", "111": "TH",
    "112": "SG", "113": "MY", "117": "PH", "118": "ID", "123": "IN", "205": "GB",
    "210": "FR", "213": "DE", "220": "IT", "224": "RU", "302": "CA", "304": "US",
    "601": "AU",
}  # fmt: skip

KNOWN_ALPHA2 = frozenset(code for code in M49.values() if code != WORLD)


def from_m49(code: str) -> str | None:
    return M49.get(code.lstrip("0") or "0")


def from_iso3(code: str) -> str | None:
    return ISO3.get(code.upper())


def from_japan_customs(code: str) -> str | None:
    if len(code) == 2 and code.isalpha():
        return code.upper()
    return JAPAN_CUSTOMS.get(code)
