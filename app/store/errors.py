"""The store's refusal: a change the database will not take, said in words a parent can read."""


class StoreError(ValueError):
    """A name or account already taken, a request already decided, a PIN too short."""
