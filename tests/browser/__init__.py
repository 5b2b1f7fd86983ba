"""The course in a real browser: JupyterLab, Notebook 7 and app mode, driven as a learner would."""
