"""Event extraction: trigger and cue lexicons, clauses, arguments, modality, attribution, merging."""
