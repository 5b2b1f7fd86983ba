"""One exercise on screen: its model, its journal, and the private opt-in."""

from __future__ import annotations

from goingfirst.feedback import respond
from goingfirst.journal import Journal, SaveResult
from goingfirst.models import Feedback, make_model
from goingfirst.specs import Spec

PRIVATE_NOT_SAVED = (
    "Private: this answer is not saved anywhere. It will be gone when you close "
    "this notebook, unless you tick the box to keep it on this computer."
)
PRIVATE_REMOVED = "Removed from this computer. Your answer stays on screen until you close this notebook."


class ExerciseSession:
    """Ties a model to the journal; views call this after every change."""

    def __init__(self, spec: Spec, journal: Journal) -> None:
        self.spec = spec
        self.journal = journal
        saved = journal.load(spec.id)
        # A private answer is in the journal only if the learner opted in.
        self.keep_private = saved is not None
        self.model = make_model(spec, saved)

    @property
    def saves(self) -> bool:
        return not self.spec.private or self.keep_private

    def opening_status(self) -> str:
        if self.journal.problem:
            return self.journal.problem
        if not self.saves:
            return PRIVATE_NOT_SAVED
        if self.model.is_answered():
            return "Your saved answer is back."
        return "Answers save as you go, only on this computer."

    def commit(self) -> SaveResult:
        """Save the model's value now (or explain why not)."""
        if not self.saves:
            return SaveResult(False, PRIVATE_NOT_SAVED)
        return self.journal.save(self.spec.id, self.model.value)

    def set_keep_private(self, keep: bool) -> SaveResult:
        self.keep_private = keep
        if keep:
            return self.commit()
        self.journal.forget(self.spec.id)
        return SaveResult(False, PRIVATE_REMOVED)

    def can_undo(self) -> bool:
        return self.saves and len(self.journal.history(self.spec.id)) >= 2

    def undo(self) -> SaveResult:
        """Bring back the previous saved version of this answer."""
        value = self.journal.restore_previous(self.spec.id)
        if value is None:
            return SaveResult(False, "There is no earlier version to go back to.")
        self.model = make_model(self.spec, value)
        return SaveResult(True, "The earlier version is back (and saved).")

    def feedback(self) -> list[Feedback]:
        return respond(self.model, self.journal.load)
