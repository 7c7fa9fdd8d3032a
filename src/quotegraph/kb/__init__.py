"""The knowledge base: countries, organisations, groupings, institutions and people with
dated roles, loaded from plain YAML files that users can extend.

>>> from quotegraph.kb import load_kb
>>> kb = load_kb()
>>> kb.lookup("Nur-Sultan", on="2020-05-01")[0].id
'KAZ'
"""

from quotegraph.kb.base import KnowledgeBase, Surface, as_date
from quotegraph.kb.loader import DEFAULT_DIR, ENV_VAR, default_files, load_kb
from quotegraph.kb.schema import RoleDef
from quotegraph.kb.types import (
    ACTOR_TYPES,
    Actor,
    Country,
    Grouping,
    Institution,
    Membership,
    Metonym,
    Organization,
    Person,
    Role,
)

__all__ = [
    "ACTOR_TYPES",
    "DEFAULT_DIR",
    "ENV_VAR",
    "Actor",
    "Country",
    "Grouping",
    "Institution",
    "KnowledgeBase",
    "Membership",
    "Metonym",
    "Organization",
    "Person",
    "Role",
    "RoleDef",
    "Surface",
    "as_date",
    "default_files",
    "load_kb",
]
