"""The stats app's operations: importing the survey, salary tables, the calculator, the community's figures."""
