"""School deployment: the signed central policy, exam mode and lab summaries on a share."""
