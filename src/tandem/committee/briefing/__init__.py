"""The briefing pack's pure computations (no Django): comparisons between two dates."""
