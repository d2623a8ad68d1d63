"""The weekly report, immediate alerts and school summaries: made, kept, listed and e-mailed.

Nothing here imports Qt except `app.report.pdf`, which only `app.report.render` loads, in a
process of its own: the service can make reports without Qt in its process.
"""
