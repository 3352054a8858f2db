"""The events app's views: registration, tickets (My tickets, the ticket's QR and check-in link) and the door
(the scanner page and its JSON API)."""
