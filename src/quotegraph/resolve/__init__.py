"""Resolution: speaker mentions (names, pronouns, role nouns) to canonical speakers."""
