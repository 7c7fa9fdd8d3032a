"""News outlets' own spellings, for names as datelines, bylines, footers and corpus fields give them."""

from __future__ import annotations

__all__ = ["KNOWN_OUTLETS", "normalise_outlet"]

# Lower-case spellings -> the outlet's own name. Extend freely; keys must be lower case.
KNOWN_OUTLETS: dict[str, str] = {
    "tass": "TASS", "itar-tass": "TASS", "tass news agency": "TASS",
    "belta": "BelTA", "belarusian telegraph agency": "BelTA",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "xinhua": "Xinhua", "xinhua news agency": "Xinhua",
    "ria novosti": "RIA Novosti", "ria": "RIA Novosti", "ria-novosti": "RIA Novosti",
    "interfax": "Interfax", "interfax-kazakhstan": "Interfax-Kazakhstan",
    "interfax-ukraine": "Interfax-Ukraine", "kazinform": "Kazinform", "kaztag": "KazTAG",
    "trend": "Trend", "trend news agency": "Trend", "azertac": "AzerTAc",
    "sputnik": "Sputnik", "akipress": "AKIpress", "kabar": "Kabar", "uza": "UzA",
    "rfe/rl": "RFE/RL", "radio free europe/radio liberty": "RFE/RL",
    "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency", "aa": "Anadolu Agency",
    "dpa": "dpa", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo", "yonhap": "Yonhap",
    "irna": "IRNA", "ukrinform": "Ukrinform", "armenpress": "Armenpress",
    "bloomberg": "Bloomberg", "bbc": "BBC", "cnn": "CNN",
}  # fmt: skip


def normalise_outlet(name: str | None) -> str | None:
    """The outlet's own spelling for a known outlet (``"Belta"`` -> ``"BelTA"``), else ``name``
    stripped of blanks and of the ``/TASS/`` or ``(Reuters)`` marks; ``None`` for nothing."""
    if name is None:
        return None
    name = name.strip().strip("/()").strip()
    if not name:
        return None
    return KNOWN_OUTLETS.get(name.lower(), name)
