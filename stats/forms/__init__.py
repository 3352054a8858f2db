"""Forms of the stats app: the salary page's filters, the calculator, and the admin's survey import."""
