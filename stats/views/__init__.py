"""Public pages of the stats app: the salary survey, the calculator and the community's numbers."""
