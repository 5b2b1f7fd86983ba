"""Going First: a course for when your partner says no to couples therapy."""

from goingfirst.show import show, show_course_map, show_crisis_contacts, show_journal_status

__all__ = ["show", "show_course_map", "show_crisis_contacts", "show_journal_status"]
