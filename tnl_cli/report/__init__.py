"""The self-assessment report: JSON data and the terminal view of an assessment."""
