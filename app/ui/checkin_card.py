"""The check-in page's person card as a widget: who was found, their booking of today and how their
arrival stands, what may be done ("Check in", "Register as walk-in", "Finish check-in"), and below it
the visit steps once checked in. The page (app/ui/pages/checkin.py) runs the use cases; what the card
offers comes from app/ui/checkin_flow.py."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.services.checkin import PersonMatch
from app.ui.checkin_flow import person_actions, person_name
from app.ui.checkin_models import arrival_words, format_dob
from app.ui.layouts import left_row, vbox
from app.ui.widgets import label, push_button, restyle

__all__ = ["PersonCard"]


class PersonCard(QWidget):
    """The card, and the place for the visit steps under it (`steps_holder`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = vbox(self, spacing=12)
        card = QFrame()
        card.setObjectName("personCard")
        inner = vbox(card, margins=(18, 14, 18, 14), spacing=6)
        self.person_name = label("personName")
        self.person_dob = QLabel()
        self.person_dob.setObjectName("personDob")
        self.booking_label = label("bookingLine")
        self.arrival_label = label("arrivalStatus")
        self.arrival_label.setProperty("tone", "good")
        # Both keep the keyboard in the search field when clicked (the scanner types there).
        self.check_in_button = push_button(self.tr("Check in (Enter)"), name="checkInButton", primary=True,
                                           keep_focus=True)
        self.walk_in_instead = push_button(self.tr("Register as walk-in"), name="walkInInstead", keep_focus=True)
        self.checked_in_label = label("checkedInNote")
        for widget in (self.person_name, self.person_dob, self.booking_label, self.arrival_label):
            inner.addWidget(widget)
        inner.addLayout(left_row(self.check_in_button, self.walk_in_instead))
        inner.addWidget(self.checked_in_label)
        layout.addWidget(card)
        self.steps_holder: QVBoxLayout = vbox()
        layout.addLayout(self.steps_holder)
        layout.addStretch(1)

    def show_match(self, match: PersonMatch, products: dict[str, str]) -> None:
        """A person found: their booking of today (if any), its arrival, and what may be done."""
        self.check_in_button.setText(self.tr("Check in (Enter)"))
        self.person_name.setText(person_name(match))
        self.person_dob.setText(self.tr("Born {dob}").format(dob=format_dob(match.dob)))
        self.checked_in_label.setVisible(False)
        actions = person_actions(match)
        self.check_in_button.setVisible(actions.check_in)
        self.check_in_button.setEnabled(True)
        self.walk_in_instead.setVisible(actions.walk_in_instead)
        booking = match.booking
        if booking is None:
            self.booking_label.setText(self.tr("No booking today."))
            self.set_arrival(self.tr("Not booked: check in as a walk-in if the person should be vaccinated."), "info")
            return
        product = products.get(booking.product_code or "", booking.product_code or self.tr("any vaccine"))
        self.booking_label.setText(self.tr("Booking {code} · {time} · {product} · dose {dose}").format(
            code=booking.booking_code, time=booking.starts_at.strftime("%H:%M"), product=product,
            dose=booking.dose_number))
        words, tone = arrival_words(booking.arrival)
        if booking.arrival.blocks:
            words += "\n" + (self.tr("Nothing to do here: see the Queue page.") if booking.arrival.kind == "already_here"
                             else self.tr("This booking cannot be used. Check the person in as a walk-in instead."))
        self.set_arrival(words, tone)

    def show_unfinished(self) -> None:
        """A check-in begun earlier and not finished: "Finish check-in" takes it up."""
        self.set_arrival(self.tr("Checked in, but not finished: identity, consent or questions are missing."), "warn")
        self.check_in_button.setText(self.tr("Finish check-in (Enter)"))
        self.check_in_button.setVisible(True)
        self.check_in_button.setEnabled(True)
        self.walk_in_instead.setVisible(False)

    def show_visit_started(self, text: str) -> None:
        """Checked in (or taken up again): nothing to press here any more, the steps follow below."""
        self.check_in_button.setVisible(False)
        self.walk_in_instead.setVisible(False)
        self.checked_in_label.setText(text)
        self.checked_in_label.setVisible(True)

    def show_walk_in(self, name: str, dob: str, *, booked: bool) -> None:
        """A visit without a booking; `booked`: the service used the person's booking of today after all."""
        self.person_name.setText(name)
        self.person_dob.setText(self.tr("Born {dob}").format(dob=format_dob(dob)) if dob else "")
        if booked:  # the booking of today was used, so it does not stay open
            self.booking_label.setText(self.tr("Checked in on the booking of today."))
            self.set_arrival(self.tr("Booked today"), "good")
        else:
            self.booking_label.setText(self.tr("Walk-in, no booking."))
            self.set_arrival(self.tr("Walk-in"), "info")

    def set_arrival(self, text: str, tone: str) -> None:
        self.arrival_label.setText(text)
        restyle(self.arrival_label, tone=tone)
