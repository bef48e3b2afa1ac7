"""The declared procedures in the back office: their diagrams, on the web and from the shell."""
