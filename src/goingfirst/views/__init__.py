"""Plain HTML views built from course data and the journal."""
