"""The events app's Wagtail admin views: registrations, check-ins and volunteers, and the Event series snippet.

events.wagtail_hooks registers them; the package has no Django admin (ModelAdmin) registrations."""
