"""Attribution: statements (direct, reported, according-to) with their cues and speaker mentions."""
