"""The guided questionnaire: a pure walk over the questions, its prompter and session."""
