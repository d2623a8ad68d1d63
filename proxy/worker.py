"""The script mitmdump loads (`-s proxy/worker.py`): the addons of Qorgan's proxy worker."""

from proxy.policyfilter import PolicyFilter

addons = [PolicyFilter()]
