"""Which OS accounts Qorgan may supervise by pattern or default: never admins or system users."""

import sys

if sys.platform != "win32":
    import grp
    import pwd

FIRST_PERSON_UID = 1000  # Debian's UID_MIN: lower uids are system accounts
NOBODY_UID = 65534
ADMIN_GROUPS = ("sudo", "wheel", "admin", "adm")


def may_supervise(account: str, first_uid: int = FIRST_PERSON_UID) -> bool:
    """Whether a group pattern or the default profile may apply to `account`.

    Accounts a parent names for a child are always supervised; this guards the rest.
    """
    if sys.platform == "win32":
        return False  # only named accounts until the Windows adapter can see group membership
    try:
        user = pwd.getpwnam(account)
    except KeyError:
        return False
    if user.pw_uid in {0, NOBODY_UID} or user.pw_uid < first_uid:
        return False
    for name in ADMIN_GROUPS:
        try:
            group = grp.getgrnam(name)
        except KeyError:
            continue
        if account in group.gr_mem or group.gr_gid == user.pw_gid:
            return False
    return True
